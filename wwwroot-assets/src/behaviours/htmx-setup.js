// Sends the antiforgery token with every non-GET htmx request, lets validation (422) fragments swap in,
// and reports failed requests in the page's live region instead of failing silently.
export function configureHtmx(htmx) {
  htmx.config.responseHandling = [
    { code: "204", swap: false },
    { code: "[23]..", swap: true },
    { code: "422", swap: true },
    { code: "[45]..", swap: false, error: true },
  ];

  document.addEventListener("htmx:configRequest", (event) => {
    if (event.detail.verb === "get") {
      return;
    }
    const meta = document.querySelector('meta[name="antiforgery-token"]');
    if (meta && meta.content) {
      event.detail.headers[meta.dataset.headerName || "RequestVerificationToken"] = meta.content;
    }
  });

  document.addEventListener("htmx:responseError", (event) => {
    const status = event.detail.xhr.status;
    announceProblem(`The server answered ${status} ${event.detail.xhr.statusText}. Please try again.`);
  });

  document.addEventListener("htmx:sendError", () => {
    announceProblem("The server could not be reached. Check that FlowStudio is running and try again.");
  });

  document.addEventListener("htmx:beforeRequest", () => announceProblem(""));
}

function announceProblem(message) {
  const region = document.getElementById("request-problem");
  if (!region) {
    return;
  }
  region.textContent = message;
  region.hidden = message === "";
}
