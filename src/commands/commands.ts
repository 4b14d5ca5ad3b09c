/* Ribbon commands page. The ribbon's only button opens the task pane (ShowTaskpane), which needs no code;
   this page keeps the shared runtime's command surface ready for function commands. */
Office.onReady(() => {
  // Nothing to associate yet: ShowTaskpane actions are handled by Office itself.
});
