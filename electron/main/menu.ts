import type { MenuItemConstructorOptions } from 'electron';

type Labels = Record<'file' | 'edit' | 'view' | 'window' | 'help' | 'print' | 'savePdf', string>;

const LABELS: Record<'zh' | 'en', Labels> = {
  zh: {
    file: '文件',
    edit: '编辑',
    view: '视图',
    window: '窗口',
    help: '帮助',
    print: '打印…',
    savePdf: '另存为 PDF…',
  },
  en: {
    file: 'File',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    help: 'Help',
    print: 'Print…',
    savePdf: 'Save as PDF…',
  },
};

/** The application menu with the platform's usual roles and shortcuts, labelled in the system language. */
export function menuTemplate(
  locale: string,
  isMac: boolean,
  actions: { print(): void; savePdf(): void },
): MenuItemConstructorOptions[] {
  const labels = LABELS[locale.toLowerCase().startsWith('zh') ? 'zh' : 'en'];
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: labels.file,
      submenu: [
        { label: labels.print, accelerator: 'CmdOrCtrl+P', click: actions.print },
        { label: labels.savePdf, accelerator: 'CmdOrCtrl+Shift+S', click: actions.savePdf },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { label: labels.edit, role: 'editMenu' },
    {
      label: labels.view,
      submenu: [
        { role: 'reload' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: labels.window, role: 'windowMenu' },
    { label: labels.help, role: 'help', submenu: [{ role: 'about' }] },
  ];
}
