// The server bundle's entry (dist/lib.js, evaluated on every execution): the custom functions, the menu, and the
// loader of the sidebar half, exposed as the global `CrmMetrics` that the generated top-level stubs call.

export { run } from './customFunctions';
export { onOpen, onInstall, showSidebar } from './menu';
export { sidebarServer } from './sidebarHalf';
export { runSelfTest } from './selfTest/start';
