// Citizen form: no double submit, optional map point from the phone's location.
(function () {
  var form = document.getElementById("complaint-form");
  if (!form) return;
  var button = document.getElementById("submit-complaint");
  form.addEventListener("submit", function (e) {
    if (button.dataset.sent) { e.preventDefault(); return; }
    button.dataset.sent = "1";
    button.textContent = form.dataset.sending;
  });
  var locate = document.getElementById("use-location");
  var status = document.getElementById("location-status");
  locate.addEventListener("click", function () {
    if (!navigator.geolocation) { status.textContent = form.dataset.noGeo; return; }
    navigator.geolocation.getCurrentPosition(function (p) {
      document.getElementById("id_latitude").value = p.coords.latitude.toFixed(6);
      document.getElementById("id_longitude").value = p.coords.longitude.toFixed(6);
      status.textContent = form.dataset.geoOk;
    }, function () { status.textContent = form.dataset.geoFail; });
  });
})();
