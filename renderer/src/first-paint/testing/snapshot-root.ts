/** A home as the build renders it: server-rendered text runs and Suspense marks come as comments. */
export const snapshotHome = `<div class="kiosk"><header class="topbar"><div class="topbar__clock" aria-label="12月7日星期一 00:03"><div class="topbar__time">00:03</div><div class="topbar__date">12月7日星期一</div></div></header><main class="main"><!--$--><section class="screen"><h1>欢迎</h1><nav class="tiles"><button type="button" class="tile"><span class="tile__title">签到</span></button><button type="button" class="tile"><span class="tile__title">服务菜单</span></button></nav></section><!--/$--></main><footer><button type="button"><img class="icon" alt=""> <!-- -->志愿者</button></footer></div>`;

/** #root as index.html carries it (the snapshot in it, hidden until the gate shows it), in the document. */
export const mountSnapshotRoot = ({ hidden }: { hidden: boolean }): HTMLElement => {
  const root = document.createElement('div');
  root.id = 'root';
  root.dataset.snapshot = 'home';
  root.hidden = hidden;
  root.innerHTML = snapshotHome;
  document.body.append(root);
  return root;
};
