// The atlas map: country shapes from the packaged Natural Earth data, partnerships as
// lines between their parties, read from the map endpoint of the API.
(function () {
  "use strict";

  var SVG_LIMIT = 3000; // above this many lines, a canvas draws them faster than SVG paths
  var COLOURS = {
    active: "#1d6f42", proposed: "#2f6f8f", dormant: "#b07d12",
    suspended: "#a34b1c", terminated: "#7a7a7a"
  };

  function text(el, name, count) {
    return (el.dataset[name] || "").replace("%(count)s", count);
  }

  // Russia and Fiji reach across the 180th meridian: their rings jump from one edge of
  // the map to the other. Moving the western bits east of 180 keeps each ring whole.
  // Antarctica spans every longitude and has no partnerships, so it is left out.
  var ANTARCTICA = "010";

  function unwrapRing(ring) {
    var lons = ring.map(function (point) { return point[0]; });
    if (Math.max.apply(null, lons) - Math.min.apply(null, lons) < 300) { return ring; }
    return ring.map(function (point) { return point[0] < 0 ? [point[0] + 360, point[1]] : point; });
  }

  function unwrap(geometry) {
    if (geometry.type === "Polygon") {
      geometry.coordinates = geometry.coordinates.map(unwrapRing);
    } else if (geometry.type === "MultiPolygon") {
      geometry.coordinates = geometry.coordinates.map(function (polygon) {
        return polygon.map(unwrapRing);
      });
    }
  }

  function escapeHtml(value) {
    var div = document.createElement("div");
    div.textContent = value;
    return div.innerHTML;
  }

  function init() {
    var el = document.getElementById("atlas-map");
    if (!el || typeof L === "undefined") { return; }
    var map = L.map(el, { worldCopyJump: true, minZoom: 1, maxZoom: 12 }).setView([35, 30], 2);
    map.createPane("countries").style.zIndex = 350;
    if (el.dataset.tiles) {
      L.tileLayer(el.dataset.tiles, { maxZoom: 12 }).addTo(map);
    } else {
      fetch(el.dataset.shapes).then(function (response) { return response.json(); })
        .then(function (topology) {
          var shapes = topojson.feature(topology, topology.objects.countries);
          shapes.features = shapes.features.filter(function (feature) {
            return feature.id !== ANTARCTICA && feature.geometry;
          });
          shapes.features.forEach(function (feature) { unwrap(feature.geometry); });
          L.geoJSON(shapes, {
            pane: "countries", interactive: false,
            style: { color: "#9aa9b3", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 }
          }).addTo(map);
          el.dataset.shapesDrawn = "true";
        });
    }
    var layer = L.layerGroup().addTo(map);
    var form = document.getElementById("atlas-filters");

    function partnershipUrl(id) {
      return el.dataset.partnershipUrl.replace("/0/", "/" + id + "/");
    }

    function draw(data) {
      layer.clearLayers();
      var renderer = data.lines.length > SVG_LIMIT ? L.canvas({ tolerance: 4 }) : L.svg();
      var points = {};
      var byPoint = {};
      data.points.forEach(function (point) { points[point.id] = point; byPoint[point.id] = []; });
      data.lines.forEach(function (line) {
        var a = points[line.a], b = points[line.b];
        // Take the short way round: a line from Japan to California crosses the Pacific.
        var lonB = b.lon;
        if (lonB - a.lon > 180) { lonB -= 360; } else if (a.lon - lonB > 180) { lonB += 360; }
        var path = L.polyline([[a.lat, a.lon], [b.lat, lonB]], {
          renderer: renderer, color: COLOURS[line.status] || "#2f6f8f",
          weight: 2.5, opacity: 0.7, className: "atlas-line"
        });
        path.bindTooltip(escapeHtml(a.name + " – " + b.name + (line.since ? " (" + line.since + ")" : "")), { sticky: true });
        path.on("click", function () { window.location.href = partnershipUrl(line.id); });
        layer.addLayer(path);
        byPoint[line.a].push([line, b]);
        byPoint[line.b].push([line, a]);
      });
      data.points.forEach(function (point) {
        var marker = L.circleMarker([point.lat, point.lon], {
          renderer: renderer, radius: Math.min(3 + Math.sqrt(point.count), 12),
          color: "#123", weight: 1, fillColor: "#fff", fillOpacity: 0.9, className: "atlas-point"
        });
        marker.bindPopup(function () {
          var items = byPoint[point.id].slice(0, 30).map(function (pair) {
            return '<li><a href="' + partnershipUrl(pair[0].id) + '">' + escapeHtml(pair[1].name) +
              "</a>" + (pair[0].since ? " (" + escapeHtml(pair[0].since) + ")" : "") + "</li>";
          }).join("");
          var rest = byPoint[point.id].length - 30;
          return '<div class="atlas-popup"><strong>' + escapeHtml(point.name) + "</strong><ul>" + items +
            (rest > 0 ? "<li>" + escapeHtml(text(el, "textMore", rest)) + "</li>" : "") + "</ul></div>";
        });
        layer.addLayer(marker);
      });
      if (data.points.length > 1) {
        map.fitBounds(L.latLngBounds(data.points.map(function (point) {
          return [point.lat, point.lon];
        })), { padding: [30, 30], maxZoom: 6 });
      }
      document.getElementById("atlas-count").textContent = text(el, "textOnMap", data.lines.length);
      document.getElementById("atlas-unmapped").textContent = data.unmapped === 0 ? "" :
        data.unmapped === 1 ? el.dataset.textUnmappedOne : text(el, "textUnmapped", data.unmapped);
      el.dataset.linesDrawn = String(data.lines.length);
    }

    function load(query) {
      fetch(el.dataset.api + (query ? "?" + query : ""), { headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) { throw new Error(response.status); }
          return response.json();
        })
        .then(draw)
        .catch(function () { document.getElementById("atlas-count").textContent = el.dataset.textError; });
    }

    function formQuery() {
      var params = new URLSearchParams();
      new FormData(form).forEach(function (value, key) { if (value !== "") { params.append(key, value); } });
      return params.toString();
    }

    if (form) {
      var reload = function (event) {
        if (event) { event.preventDefault(); }
        var query = formQuery();
        history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
        load(query);
      };
      form.addEventListener("change", function () { reload(); });
      form.addEventListener("submit", reload);
    }
    load(el.dataset.query);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
