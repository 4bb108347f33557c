// Small page behaviours, bound by data attributes (no inline handlers: the CSP forbids them).
//   data-print       a button that opens the browser's print dialog
//   data-autosubmit  a select that submits its form when changed
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-print]");
  if (button) {
    event.preventDefault();
    window.print();
  }
});
document.addEventListener("change", (event) => {
  const field = event.target.closest("[data-autosubmit]");
  if (field && field.form) {
    field.form.requestSubmit ? field.form.requestSubmit() : field.form.submit();
  }
});
