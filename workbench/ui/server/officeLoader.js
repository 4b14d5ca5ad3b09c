/* Served at /office-js/office.js while the dev server runs the workbench. Inside the workbench the
   parent page installs its Office, Excel, OfficeRuntime and CustomFunctions globals into this window
   synchronously, before the add-in's own scripts run; anywhere else the real office.js loads. */
(function loadOffice() {
  var host = null;
  try {
    host = window.parent !== window ? window.parent.__haloSheetWorkbench || null : null;
  } catch {
    host = null; // A cross-origin parent (Excel on the web): not the workbench.
  }
  if (host) {
    host.installInto(window);
    return;
  }
  document.write('<script src="/office-js/office.debug.js"></script>');
})();
