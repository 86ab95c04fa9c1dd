import type { Project } from '@protocol/console/projects.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/useApi.ts';
import { useCommunityChoice } from '../../app/organisation.tsx';
import { useQueryParam } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { CommunitySelect } from '../../ui/CommunitySelect.tsx';
import { type Column, DataTable } from '../../ui/DataTable.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProjectDialog } from './ProjectDialog.tsx';

/**
 * 服务项目: a community groups residents' needs and the members who serve them into a project, open until
 * staff mark it completed. The dashboard counts them.
 */
export default function ProjectsPage() {
  const { t } = useTranslation('projects');
  const format = useFormat();
  const session = useSession();
  const [community, setCommunity] = useCommunityChoice();
  const [status, setStatus] = useQueryParam('status');
  const [editing, setEditing] = useState<Project | 'new' | null>(null);
  const [saved, setSaved] = useState(false);
  const list = useApi('listProjects', community ? { query: { communityId: community.id, ...(status === 'open' || status === 'completed' ? { status } : {}) } } : null);
  const mayEdit = session.staff.role.kind !== 'unit-lead';
  if (!community) return <Notice tone="info">{t('console:scope.noCommunity')}</Notice>;
  const columns: Column<Project>[] = [
    {
      key: 'title',
      header: t('column.title'),
      rowHeader: true,
      sortValue: (project) => project.title,
      cell: (project) =>
        mayEdit ? (
          <button type="button" className="link-button" onClick={() => setEditing(project)}>
            {project.title}
          </button>
        ) : (
          project.title
        ),
    },
    { key: 'status', header: t('column.status'), sortValue: (project) => project.status, cell: (project) => <span className={`badge badge--${project.status === 'completed' ? 'ok' : 'info'}`}>{t(`status.${project.status}`)}</span> },
    { key: 'needs', header: t('column.needs'), numeric: true, sortValue: (project) => project.requestIds.length, cell: (project) => format.number(project.requestIds.length) },
    { key: 'members', header: t('column.members'), numeric: true, sortValue: (project) => project.memberIds.length, cell: (project) => format.number(project.memberIds.length) },
    { key: 'created', header: t('column.created'), sortValue: (project) => project.createdAt, firstDirection: 'descending', cell: (project) => format.date(project.createdAt) },
    { key: 'completed', header: t('column.completed'), sortValue: (project) => project.completedAt, firstDirection: 'descending', cell: (project) => (project.completedAt ? format.date(project.completedAt) : '—') },
  ];
  return (
    <>
      <PageHeader
        title={t('title')}
        lead={t('lead')}
        actions={
          mayEdit ? (
            <button type="button" className="btn btn--primary" onClick={() => setEditing('new')}>
              {t('new')}
            </button>
          ) : null
        }
      />
      <div className="toolbar">
        <CommunitySelect value={community.id} onChange={setCommunity} />
        <Field label={t('column.status')}>
          <select className="select" value={status} onChange={(event) => setStatus(event.target.value)}>
            <option value="">{t('status.all')}</option>
            <option value="open">{t('status.open')}</option>
            <option value="completed">{t('status.completed')}</option>
          </select>
        </Field>
      </div>
      {saved ? <Notice tone="ok">{t('saved')}</Notice> : null}
      {list.error ? <ErrorNotice error={list.error} retry={list.reload} /> : null}
      {list.data ? (
        <DataTable caption={t('title')} columns={columns} rows={list.data.projects} rowKey={(project) => project.id} empty={t('empty')} initialSort={{ key: 'created', direction: 'descending' }} />
      ) : list.loading ? (
        <Loading />
      ) : null}
      {editing ? (
        <ProjectDialog
          communityId={community.id}
          project={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setSaved(true);
            list.reload();
          }}
        />
      ) : null}
    </>
  );
}
