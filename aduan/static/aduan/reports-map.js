/* The staff complaint map: kelurahan circles (approximate), points and a heat layer. */
(function () {
  "use strict";
  var COLORS = {baru: "#b45309", ditunda: "#b45309", didisposisikan: "#175cd3", diproses: "#175cd3",
    dibuka_kembali: "#175cd3", menunggu_info: "#c11574", ditindaklanjuti: "#067647", selesai: "#067647"};
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c];
    });
  }
  function start() {
    var el = document.getElementById("peta");
    if (!el || !window.L) return;
    var d = el.dataset;
    var map = L.map(el, {preferCanvas: true}).setView([-6.889, 109.675], 13);
    if (d.tiles) {
      L.tileLayer(d.tiles, {maxZoom: 19, attribution: d.attribution}).addTo(map);
    }
    fetch(d.src, {credentials: "same-origin"}).then(function (r) { return r.json(); }).then(function (data) {
      var areas = L.layerGroup(), points = L.layerGroup(), heatPoints = [], bounds = [];
      var biggest = Math.max.apply(null, [1].concat(data.areas.map(function (a) { return a.n; })));
      data.areas.forEach(function (a) {
        bounds.push([a.lat, a.lon]);
        L.circle([a.lat, a.lon], {radius: a.radius_m, color: "#0b6e4f", weight: 1, dashArray: "4 4",
          fillOpacity: 0.08 + 0.4 * a.n / biggest})
          .bindPopup("<b>" + esc(a.name) + "</b><br>" + a.n + " " + esc(d.labelReports) +
            '<br><a href="' + esc(a.url) + '">' + esc(d.labelList) + "</a><br><small>" + esc(d.labelApprox) + "</small>")
          .addTo(areas);
        if (a.n) heatPoints.push([a.lat, a.lon, a.n / biggest]);
      });
      data.markers.forEach(function (m) {
        L.circleMarker([m.lat, m.lon], {radius: 6, color: "#fff", weight: 1, fillOpacity: 0.9,
          fillColor: COLORS[m.status] || "#5b6473"})
          .bindPopup('<a href="' + esc(m.url) + '">' + esc(m.code) + "</a><br>" + esc(m.category) +
            "<br>" + esc(m.status_label) + "<br>" + esc(m.date))
          .addTo(points);
        heatPoints.push([m.lat, m.lon, 0.5]);
      });
      areas.addTo(map);
      points.addTo(map);
      var layers = {};
      layers[d.labelAreas] = areas;
      layers[d.labelPoints] = points;
      if (L.heatLayer) layers[d.labelHeat] = L.heatLayer(heatPoints, {radius: 30, blur: 20});
      L.control.layers(null, layers, {collapsed: false}).addTo(map);
      if (bounds.length) map.fitBounds(bounds, {padding: [20, 20]});
      if (data.truncated) {
        document.getElementById("peta-status").textContent += " " + d.labelTruncated;
      }
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
