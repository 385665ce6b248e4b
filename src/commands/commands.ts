// The manifest's FunctionFile: the ribbon button only opens the task pane (ShowTaskpane), so this
// page has nothing to register; it must still initialise Office so the button works on desktop.
Office.onReady(() => undefined);
