import type { FastifyInstance } from 'fastify';
import { acceptedVersions } from '../../protocol/upgrade.ts';
import { isSupportedProtocol, parseProtocolVersion, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../protocol/wire.ts';
import { HttpError } from '../errors.ts';

export const acceptedBody = () => ({ accepted: { protocol: `${PROTOCOL_VERSION.split('.')[0]}.x`, schemaVersions: acceptedVersions() } });

/**
 * Every sync request names its protocol version in x-yizhan-protocol; the answer names the server's. A client of
 * another major version gets 426 update-required, which the kiosk shows to a technician, not to residents.
 */
export const registerProtocolCheck = (app: FastifyInstance) => {
  app.addHook('onRequest', async (request, reply) => {
    reply.header(PROTOCOL_HEADER, PROTOCOL_VERSION);
    const raw = request.headers[PROTOCOL_HEADER];
    if (raw === undefined) throw new HttpError(400, 'bad-request', `the ${PROTOCOL_HEADER} header is missing`);
    const version = parseProtocolVersion(raw);
    if (!version) throw new HttpError(400, 'bad-request', `the ${PROTOCOL_HEADER} header must be major.minor`);
    if (!isSupportedProtocol(version)) {
      reply.header('upgrade', `yizhan/${PROTOCOL_VERSION}`);
      throw new HttpError(426, 'update-required', `this server speaks protocol ${PROTOCOL_VERSION}; update the kiosk app`, acceptedBody());
    }
  });
};
