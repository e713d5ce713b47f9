"use strict";
// The sign-in both pages share: the key lives in this tab's sessionStorage (never in a URL) and goes out as xi-api-key.
function speechGateSession(storageKey, mainId, load) {
  const $ = (id) => document.getElementById(id);
  const session = {
    key: () => sessionStorage.getItem(storageKey),
    headers: (extra) => Object.assign({ "xi-api-key": sessionStorage.getItem(storageKey) || "" }, extra || {}),
    showLogin(message) {
      $(mainId).hidden = true;
      $("logout").hidden = true;
      $("login").hidden = false;
      $("login-error").textContent = message || "";
    },
    showMain() {
      $("login").hidden = true;
      $("logout").hidden = false;
      $(mainId).hidden = false;
    },
    refuse(message) {
      sessionStorage.removeItem(storageKey);
      session.showLogin(message);
    },
    // The gateway's ElevenLabs-shaped error ({"detail":{"message"}} or the 422 array) as one line.
    async failure(response) {
      const body = await response.json().catch(() => null);
      const detail = body && body.detail;
      const message = Array.isArray(detail) ? detail.map((d) => d.msg).join("; ") : detail && detail.message;
      return message || "Request failed (" + response.status + ").";
    },
  };
  $("login").addEventListener("submit", (event) => {
    event.preventDefault();
    sessionStorage.setItem(storageKey, $("key").value);
    $("key").value = "";
    load();
  });
  $("logout").addEventListener("click", () => session.refuse());
  return session;
}
