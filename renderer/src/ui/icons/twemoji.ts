// Twemoji graphics (https://github.com/jdecked/twemoji) by Twitter, Inc and other contributors, CC-BY 4.0;
// the files come from the @twemoji/svg package. See ./README.md.
import u1f310 from '@twemoji/svg/1f310.svg?url';
import u1f453 from '@twemoji/svg/1f453.svg?url';
import u1f50a from '@twemoji/svg/1f50a.svg?url';
import u1f6e1 from '@twemoji/svg/1f6e1.svg?url';
import u1f4f1 from '@twemoji/svg/1f4f1.svg?url';
import u1f64b from '@twemoji/svg/1f64b.svg?url';
import u1f4dd from '@twemoji/svg/1f4dd.svg?url';
import u1f3e2 from '@twemoji/svg/1f3e2.svg?url';
import u1f623 from '@twemoji/svg/1f623.svg?url';
import u1f615 from '@twemoji/svg/1f615.svg?url';
import u1f610 from '@twemoji/svg/1f610.svg?url';
import u1f642 from '@twemoji/svg/1f642.svg?url';
import u1f604 from '@twemoji/svg/1f604.svg?url';
import u1f512 from '@twemoji/svg/1f512.svg?url';
import u1f3e0 from '@twemoji/svg/1f3e0.svg?url';
import u1f3d8 from '@twemoji/svg/1f3d8.svg?url';
import u1f6b6 from '@twemoji/svg/1f6b6.svg?url';
import u1f44d from '@twemoji/svg/1f44d.svg?url';
import u1f4e4 from '@twemoji/svg/1f4e4.svg?url';
import u1f4e5 from '@twemoji/svg/1f4e5.svg?url';
import u1f446 from '@twemoji/svg/1f446.svg?url';
import u1f558 from '@twemoji/svg/1f558.svg?url';
import u1f4cd from '@twemoji/svg/1f4cd.svg?url';
import u2705 from '@twemoji/svg/2705.svg?url';
import u1f9f0 from '@twemoji/svg/1f9f0.svg?url';
import u1f4a1 from '@twemoji/svg/1f4a1.svg?url';
import u1f48c from '@twemoji/svg/1f48c.svg?url';
import u1f4e2 from '@twemoji/svg/1f4e2.svg?url';
import u2602 from '@twemoji/svg/2602.svg?url';
import u1f4ac from '@twemoji/svg/1f4ac.svg?url';
import u1f381 from '@twemoji/svg/1f381.svg?url';
import u1f4e3 from '@twemoji/svg/1f4e3.svg?url';
import u1f308 from '@twemoji/svg/1f308.svg?url';
import u1f527 from '@twemoji/svg/1f527.svg?url';
import u1f9d3 from '@twemoji/svg/1f9d3.svg?url';
import u1f333 from '@twemoji/svg/1f333.svg?url';
import u1f91d from '@twemoji/svg/1f91d.svg?url';
import u1f4da from '@twemoji/svg/1f4da.svg?url';
import u1f3b5 from '@twemoji/svg/1f3b5.svg?url';
import u1f50d from '@twemoji/svg/1f50d.svg?url';
import u1f522 from '@twemoji/svg/1f522.svg?url';
import u1fa7a from '@twemoji/svg/1fa7a.svg?url';
import u2696 from '@twemoji/svg/2696.svg?url';
import u1f5e3 from '@twemoji/svg/1f5e3.svg?url';
import u1f389 from '@twemoji/svg/1f389.svg?url';
import u21a9 from '@twemoji/svg/21a9.svg?url';
import u1f9fe from '@twemoji/svg/1f9fe.svg?url';
import u1f475 from '@twemoji/svg/1f475.svg?url';
import u1f392 from '@twemoji/svg/1f392.svg?url';
import u1f4b3 from '@twemoji/svg/1f4b3.svg?url';
import u1f68c from '@twemoji/svg/1f68c.svg?url';
import u1f3ab from '@twemoji/svg/1f3ab.svg?url';
import u1f372 from '@twemoji/svg/1f372.svg?url';
import u1fa79 from '@twemoji/svg/1fa79.svg?url';
import u1f4dc from '@twemoji/svg/1f4dc.svg?url';
import u1f4cb from '@twemoji/svg/1f4cb.svg?url';
import u1f54a from '@twemoji/svg/1f54a.svg?url';
import u270f from '@twemoji/svg/270f.svg?url';
import u1f50c from '@twemoji/svg/1f50c.svg?url';
import u1f4f0 from '@twemoji/svg/1f4f0.svg?url';
import u1f371 from '@twemoji/svg/1f371.svg?url';
import u2668 from '@twemoji/svg/2668.svg?url';
import u1f4e6 from '@twemoji/svg/1f4e6.svg?url';
import u1f4a7 from '@twemoji/svg/1f4a7.svg?url';
import u26a1 from '@twemoji/svg/26a1.svg?url';
import u1f525 from '@twemoji/svg/1f525.svg?url';
import u1f4fa from '@twemoji/svg/1f4fa.svg?url';
import u1f4de from '@twemoji/svg/1f4de.svg?url';
import u1f3e5 from '@twemoji/svg/1f3e5.svg?url';
import u1f48a from '@twemoji/svg/1f48a.svg?url';
import u1f691 from '@twemoji/svg/1f691.svg?url';
import u267f from '@twemoji/svg/267f.svg?url';
import u1f9d1_200d_2695_fe0f from '@twemoji/svg/1f9d1-200d-2695-fe0f.svg?url';
import u1f476 from '@twemoji/svg/1f476.svg?url';
import u1f9d2 from '@twemoji/svg/1f9d2.svg?url';
import u1f3eb from '@twemoji/svg/1f3eb.svg?url';
import u1f393 from '@twemoji/svg/1f393.svg?url';
import u1f4d6 from '@twemoji/svg/1f4d6.svg?url';
import u1f3a8 from '@twemoji/svg/1f3a8.svg?url';
import u2702 from '@twemoji/svg/2702.svg?url';
import u1f487 from '@twemoji/svg/1f487.svg?url';
import u1f9fa from '@twemoji/svg/1f9fa.svg?url';
import u1f9f9 from '@twemoji/svg/1f9f9.svg?url';
import u1f511 from '@twemoji/svg/1f511.svg?url';
import u1f6b2 from '@twemoji/svg/1f6b2.svg?url';
import u1f6d2 from '@twemoji/svg/1f6d2.svg?url';
import u1f4b0 from '@twemoji/svg/1f4b0.svg?url';
import u1f3e6 from '@twemoji/svg/1f3e6.svg?url';
import u1f4c5 from '@twemoji/svg/1f4c5.svg?url';
import u23f0 from '@twemoji/svg/23f0.svg?url';
import u1f34e from '@twemoji/svg/1f34e.svg?url';
import u2764 from '@twemoji/svg/2764.svg?url';
import u2b50 from '@twemoji/svg/2b50.svg?url';
import u1f302 from '@twemoji/svg/1f302.svg?url';
import u1f5d1 from '@twemoji/svg/1f5d1.svg?url';
import u1f6b0 from '@twemoji/svg/1f6b0.svg?url';
import u1fa91 from '@twemoji/svg/1fa91.svg?url';
import u1f526 from '@twemoji/svg/1f526.svg?url';
import u1f9f4 from '@twemoji/svg/1f9f4.svg?url';
import u1f4ee from '@twemoji/svg/1f4ee.svg?url';
import u1f3c3 from '@twemoji/svg/1f3c3.svg?url';
import u1f9d8 from '@twemoji/svg/1f9d8.svg?url';
import u265f from '@twemoji/svg/265f.svg?url';
import u1f3a4 from '@twemoji/svg/1f3a4.svg?url';
import u1f4bb from '@twemoji/svg/1f4bb.svg?url';
import u1f4f7 from '@twemoji/svg/1f4f7.svg?url';
import u1f3db from '@twemoji/svg/1f3db.svg?url';
import u1f6bb from '@twemoji/svg/1f6bb.svg?url';
import u1f321 from '@twemoji/svg/1f321.svg?url';
import u1f637 from '@twemoji/svg/1f637.svg?url';
import u1f95b from '@twemoji/svg/1f95b.svg?url';
import u1f375 from '@twemoji/svg/1f375.svg?url';

/**
 * The emoji the kiosk draws as pictures of its own, each an SVG shipped with the app, so no system font decides
 * whether a resident sees it. Keys are written as the catalogue writes them; lookups ignore the emoji
 * presentation selector (U+FE0F), so '☂' and '☂️' are one icon (icon.tsx).
 */
import u1f50e from '@twemoji/svg/1f50e.svg?url';
import u270d from '@twemoji/svg/270d.svg?url';
import u1f44b from '@twemoji/svg/1f44b.svg?url';
import u2714 from '@twemoji/svg/2714.svg?url';
import u27a1 from '@twemoji/svg/27a1.svg?url';
import u1faaa from '@twemoji/svg/1faaa.svg?url';
import u270b from '@twemoji/svg/270b.svg?url';
import u1f501 from '@twemoji/svg/1f501.svg?url';
import u1f441 from '@twemoji/svg/1f441.svg?url';
import u23f1 from '@twemoji/svg/23f1.svg?url';
export const twemoji: Readonly<Record<string, string>> = {
  // The kiosk's own screens
  '🌐': u1f310,
  '👓': u1f453,
  '🔊': u1f50a,
  '🛡️': u1f6e1,
  '📱': u1f4f1,
  '🙋': u1f64b,
  '📝': u1f4dd,
  '🏢': u1f3e2,
  '😣': u1f623,
  '😕': u1f615,
  '😐': u1f610,
  '🙂': u1f642,
  '😄': u1f604,
  '🔒': u1f512,
  '🏠': u1f3e0,
  '🏘️': u1f3d8,
  '🚶': u1f6b6,
  '👍': u1f44d,
  '📤': u1f4e4,
  '📥': u1f4e5,
  '👆': u1f446,
  '🕘': u1f558,
  '📍': u1f4cd,
  '✅': u2705,
  '🧰': u1f9f0,
  '💡': u1f4a1,
  '💌': u1f48c,
  '📢': u1f4e2,
  '☂️': u2602,
  '💬': u1f4ac,
  '🎁': u1f381,
  '📣': u1f4e3,
  '🌈': u1f308,
  '🔧': u1f527,
  '🧓': u1f9d3,
  '🌳': u1f333,
  '🤝': u1f91d,
  '📚': u1f4da,
  '🎵': u1f3b5,
  '🔍': u1f50d,
  '🔢': u1f522,
  '🩺': u1fa7a,
  '⚖️': u2696,
  '🗣️': u1f5e3,
  '🎉': u1f389,
  '↩️': u21a9,
  // The volunteers' screens
  '🔎': u1f50e,
  '✍️': u270d,
  '👋': u1f44b,
  '✔️': u2714,
  '➡️': u27a1,
  '🪪': u1faaa,
  '✋': u270b,
  '🔁': u1f501,
  '👁️': u1f441,
  '⏱️': u23f1,
  // The demo catalogue (assets/demo/catalogue.json)
  '🧾': u1f9fe,
  '👵': u1f475,
  '🎒': u1f392,
  '💳': u1f4b3,
  '🚌': u1f68c,
  '🎫': u1f3ab,
  '🍲': u1f372,
  '🩹': u1fa79,
  '📜': u1f4dc,
  '📋': u1f4cb,
  '🕊️': u1f54a,
  '✏️': u270f,
  '🔌': u1f50c,
  '📰': u1f4f0,
  '🍱': u1f371,
  '♨️': u2668,
  '📦': u1f4e6,
  '💧': u1f4a7,
  '⚡': u26a1,
  '🔥': u1f525,
  '📺': u1f4fa,
  // What else a centre is likely to publish for a station's services and amenities
  '📞': u1f4de,
  '🏥': u1f3e5,
  '💊': u1f48a,
  '🚑': u1f691,
  '♿': u267f,
  '🧑‍⚕️': u1f9d1_200d_2695_fe0f,
  '👶': u1f476,
  '🧒': u1f9d2,
  '🏫': u1f3eb,
  '🎓': u1f393,
  '📖': u1f4d6,
  '🎨': u1f3a8,
  '✂️': u2702,
  '💇': u1f487,
  '🧺': u1f9fa,
  '🧹': u1f9f9,
  '🔑': u1f511,
  '🚲': u1f6b2,
  '🛒': u1f6d2,
  '💰': u1f4b0,
  '🏦': u1f3e6,
  '📅': u1f4c5,
  '⏰': u23f0,
  '🍎': u1f34e,
  '❤️': u2764,
  '⭐': u2b50,
  '🌂': u1f302,
  '🗑️': u1f5d1,
  '🚰': u1f6b0,
  '🪑': u1fa91,
  '🔦': u1f526,
  '🧴': u1f9f4,
  '📮': u1f4ee,
  '🏃': u1f3c3,
  '🧘': u1f9d8,
  '♟️': u265f,
  '🎤': u1f3a4,
  '💻': u1f4bb,
  '📷': u1f4f7,
  '🏛️': u1f3db,
  '🚻': u1f6bb,
  '🌡️': u1f321,
  '😷': u1f637,
  '🥛': u1f95b,
  '🍵': u1f375,
};
