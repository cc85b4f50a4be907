/** The API permissions CaseClock asks for, in Chrome and in Firefox alike, as the README lists them. */
export const API_PERMISSIONS = [
  'activeTab',
  'alarms',
  'contextMenus',
  'notifications',
  'unlimitedStorage',
];
