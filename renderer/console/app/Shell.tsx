import { Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LiveProvider } from '../api/ApiProvider.tsx';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { Loading } from '../ui/Loading.tsx';
import { Notice } from '../ui/Notice.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { LiveIndicator } from './LiveIndicator.tsx';
import { OrganisationProvider } from './organisation.tsx';
import { mayOpen, pageAt, pages, sections } from './pages.ts';
import { Link, useRouter } from './router.tsx';
import { useSession, useSessionState } from './session.tsx';

/**
 * The signed-in console: a skip link, the top bar (who is signed in, the live feed, the language, sign out), the
 * navigation by section (only the pages the staff member's role may open), and the page. Focus moves to the
 * page's main region when the path changes, as it would on a page load.
 */
export function Shell() {
  const { t } = useTranslation('console');
  const session = useSession();
  const { signOut } = useSessionState();
  const { location } = useRouter();
  const main = useRef<HTMLElement>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const found = pageAt(location.path);
  const role = session.staff.role.kind;
  const allowed = found ? mayOpen(found.def, role) : false;

  const firstPath = useRef(location.path);
  useEffect(() => {
    if (location.path === firstPath.current) return;
    firstPath.current = location.path;
    main.current?.focus();
  }, [location.path]);

  const Page = found?.def.component;
  return (
    <LiveProvider>
      <OrganisationProvider>
        <a className="skip-link" href="#main">
          {t('skip')}
        </a>
        <header className="topbar">
          <button type="button" className="btn btn--quiet topbar__menu" aria-expanded={menuOpen} aria-controls="sidenav" onClick={() => setMenuOpen((open) => !open)}>
            <span aria-hidden="true">☰</span> {t('menu')}
          </button>
          <p className="topbar__brand">
            <span className="topbar__mark" aria-hidden="true">
              ★
            </span>
            {t('app.title')}
          </p>
          <LiveIndicator />
          <LanguageSwitch />
          <div className="topbar__who">
            <Link to="/account" className="topbar__account">
              <span className="topbar__name">{session.staff.name}</span>
              <span className="topbar__role">{t(`role.${role}`)}</span>
            </Link>
            <button type="button" className="btn btn--quiet" onClick={() => void signOut()}>
              {t('signOut')}
            </button>
          </div>
        </header>
        <div className="layout">
          {/* On a narrow screen the menu lies over the page: choosing a page closes it. */}
          <nav
            id="sidenav"
            className={['sidenav', menuOpen && 'sidenav--open'].filter(Boolean).join(' ')}
            aria-label={t('nav.label')}
            onClick={(event) => {
              if ((event.target as HTMLElement).closest('a')) setMenuOpen(false);
            }}
          >
            {sections.map((section) => {
              const items = pages.filter((def) => def.section === section && mayOpen(def, role));
              if (items.length === 0) return null;
              return (
                <div key={section} className="sidenav__section">
                  <h2 className="sidenav__heading">{t(`nav.section.${section}`)}</h2>
                  <ul className="sidenav__list">
                    {items.map((def) => (
                      <li key={def.id}>
                        <Link to={def.path} className="sidenav__link" aria-current={found?.def.id === def.id ? 'page' : undefined}>
                          {t(`nav.page.${def.id}`)}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })}
          </nav>
          <main id="main" ref={main} tabIndex={-1} className="main">
            <ErrorBoundary key={location.path}>
              <Suspense fallback={<Loading />}>
                {Page && allowed ? (
                  <Page params={found.params} />
                ) : (
                  <>
                    <PageHeader title={found ? t('notAllowed.title') : t('notFound.title')} />
                    <Notice tone="warning">{found ? t('notAllowed.text') : t('notFound.text')}</Notice>
                    <p>
                      <Link to="/">{t('notFound.home')}</Link>
                    </p>
                  </>
                )}
              </Suspense>
            </ErrorBoundary>
          </main>
        </div>
      </OrganisationProvider>
    </LiveProvider>
  );
}
