// The server bundle's entry: everything the generated top-level stubs call, exposed as the global `Lib`.

export { run } from './customFunctions';
export { onOpen, onInstall, showHelp } from './menu';
