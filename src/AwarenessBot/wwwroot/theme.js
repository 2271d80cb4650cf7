// Web Chat style options: the page's calm palette and the local font stack (Web Chat loads no web fonts).
'use strict';

window.SafeChatTheme = Object.freeze({
  accent: '#0e6e73',
  backgroundColor: '#ffffff',
  primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  monospaceFont: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace',
  fontSizeSmall: '80%',
  subtle: '#5b6b73',
  timestampColor: '#5b6b73',

  bubbleBackground: '#eef4f4',
  bubbleBorderWidth: 0,
  bubbleBorderRadius: 18,
  bubbleNubSize: 0,
  bubbleTextColor: '#17252b',
  bubbleMaxWidth: 560,
  bubbleFromUserBackground: '#0e4f5c',
  bubbleFromUserBorderWidth: 0,
  bubbleFromUserBorderRadius: 18,
  bubbleFromUserNubSize: 0,
  bubbleFromUserTextColor: '#ffffff',

  suggestedActionLayout: 'flow',
  suggestedActionBackgroundColor: '#ffffff',
  suggestedActionBorderColor: '#0e6e73',
  suggestedActionBorderWidth: 1.5,
  suggestedActionBorderRadius: 999,
  suggestedActionTextColor: '#0b5a5e',
  suggestedActionHeight: 40,

  sendBoxBackground: '#ffffff',
  sendBoxTextColor: '#17252b',
  sendBoxPlaceholderColor: '#5b6b73',
  sendBoxButtonColor: '#0e6e73',
  sendBoxBorderTop: 'solid 1px #d5e0e1',
  sendBoxHeight: 56,

  hideUploadButton: true,
  rootHeight: '100%',
  rootWidth: '100%',
  paddingRegular: 12,
});
