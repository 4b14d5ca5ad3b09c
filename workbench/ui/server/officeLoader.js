/* Served at /office-js/office.js while the dev server runs the workbench. Inside the workbench (the
   task pane iframe, or a dialog popup opened from it) the workbench page installs its Office, Excel,
   OfficeRuntime and CustomFunctions globals into this window synchronously, before the add-in's own
   scripts run; anywhere else the real office.js loads. */
(function loadOffice() {
  function workbenchOf(candidate) {
    try {
      return candidate && candidate !== window
        ? candidate.__haloSheetWorkbench || candidate.top.__haloSheetWorkbench || null
        : null;
    } catch {
      return null; // A cross-origin parent (Excel on the web): not the workbench.
    }
  }
  var host = workbenchOf(window.parent) || workbenchOf(window.opener);
  if (host) {
    host.installInto(window);
    return;
  }
  document.write('<script src="/office-js/office.debug.js"></script>');
})();
