// verify: the parts of report.html it loads on demand (written with it; re-run verify report to update both).
window.VERIFY_DATA = {"token":"9b773a96378ebc621e617810","articles":{},"claims":[],"findings":[],"events":{},"texts":{}};
