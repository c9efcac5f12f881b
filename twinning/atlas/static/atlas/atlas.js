// The atlas map: country shapes from the packaged Natural Earth data, partnerships as
// lines between their parties, read from the map endpoint of the API.
(function () {
  "use strict";

  var SVG_LIMIT = 3000; // above this many lines, a canvas draws them faster than SVG paths
  var CLUSTER_LIMIT = 300; // above this many places, nearby ones are grouped into clusters
  var LINE_LIMIT = 2000; // clustered: all lines drawn at once only up to this many, or for a country
  var TABLE_LIMIT = 200; // rows of the table of what is drawn

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
    var lineLayer = L.layerGroup().addTo(map);
    var form = document.getElementById("atlas-filters");
    var table = document.getElementById("atlas-table");
    var selected = null;

    function partnershipUrl(id) {
      return el.dataset.partnershipUrl.replace("/0/", "/" + id + "/");
    }

    function fill(template, values) {
      return Object.keys(values).reduce(function (result, key) {
        return result.replace("%(" + key + ")s", values[key]);
      }, template || "");
    }

    // The colours and names of the statuses come from the legend below the map.
    var legend = {};
    document.querySelectorAll(".atlas-legend [data-status]").forEach(function (item) {
      var swatch = item.querySelector(".atlas-swatch");
      legend[item.dataset.status] = {
        label: item.textContent.trim(),
        colour: swatch ? getComputedStyle(swatch).backgroundColor : "#2f6f8f"
      };
    });

    function status(line) {
      return legend[line.status] || { label: line.status, colour: "#2f6f8f" };
    }

    function drawLines(lines, points) {
      lineLayer.clearLayers();
      var svg = lines.length <= SVG_LIMIT;
      var renderer = svg ? L.svg() : L.canvas({ tolerance: 4 });
      lines.forEach(function (line) {
        var a = points[line.a], b = points[line.b];
        // Take the short way round: a line from Japan to California crosses the Pacific.
        var lonB = b.lon;
        if (lonB - a.lon > 180) { lonB -= 360; } else if (a.lon - lonB > 180) { lonB += 360; }
        var name = fill(el.dataset.textLine, { a: a.name, b: b.name, status: status(line).label }) +
          (line.since ? " (" + line.since + ")" : "");
        var path = L.polyline([[a.lat, a.lon], [b.lat, lonB]], {
          renderer: renderer, color: status(line).colour,
          weight: 2.5, opacity: 0.7, className: "atlas-line"
        });
        path.bindTooltip(escapeHtml(name), { sticky: true });
        path.on("click", function () { window.location.href = partnershipUrl(line.id); });
        lineLayer.addLayer(path);
        var element = svg && path.getElement();
        if (element) {
          // Each line is a link that the keyboard reaches and a screen reader names.
          element.setAttribute("tabindex", "0");
          element.setAttribute("role", "link");
          element.setAttribute("aria-label", name);
          element.addEventListener("keydown", function (event) {
            if (event.key === "Enter") { window.location.href = partnershipUrl(line.id); }
          });
        }
      });
      fillTable(lines, points);
    }

    function fillTable(lines, points) {
      if (!table) { return; }
      var body = table.tBodies[0];
      body.textContent = "";
      lines.slice(0, TABLE_LIMIT).forEach(function (line) {
        var row = body.insertRow();
        var link = document.createElement("a");
        link.href = partnershipUrl(line.id);
        link.textContent = points[line.a].name + " – " + points[line.b].name;
        row.insertCell().appendChild(link);
        row.insertCell().textContent = status(line).label;
        row.insertCell().textContent = line.since || "";
      });
      table.hidden = lines.length === 0;
      var rest = lines.length - TABLE_LIMIT;
      document.getElementById("atlas-table-more").textContent =
        rest > 0 ? text(el, "textMore", rest) : "";
    }

    function draw(data) {
      layer.clearLayers();
      lineLayer.clearLayers();
      selected = null;
      var points = {};
      var byPoint = {};
      data.points.forEach(function (point) { points[point.id] = point; byPoint[point.id] = []; });
      data.lines.forEach(function (line) {
        byPoint[line.a].push([line, points[line.b]]);
        byPoint[line.b].push([line, points[line.a]]);
      });
      // Many places are grouped into clusters, and their lines are drawn for the place
      // or country chosen: 25,000 lines at once would hide each other and the map.
      var clustered = data.points.length > CLUSTER_LIMIT && typeof L.markerClusterGroup === "function";
      var markers = clustered ? L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false }) : layer;
      data.points.forEach(function (point) {
        var marker = L.marker([point.lat, point.lon], {
          icon: L.divIcon({ className: "atlas-point", iconSize: [12, 12] }),
          title: fill(el.dataset.textPartners, { name: point.name, count: point.count }),
          keyboard: true
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
        marker.on("click", function () {
          if (!clustered) { return; }
          if (selected && selected.getElement()) { selected.getElement().classList.remove("selected"); }
          selected = marker;
          if (marker.getElement()) { marker.getElement().classList.add("selected"); }
          var lines = byPoint[point.id].map(function (pair) { return pair[0]; });
          drawLines(lines, points);
          document.getElementById("atlas-count").textContent =
            fill(el.dataset.textPlace, { name: point.name, count: lines.length });
        });
        markers.addLayer(marker);
      });
      if (clustered) { layer.addLayer(markers); }
      if (data.points.length > 1) {
        map.fitBounds(L.latLngBounds(data.points.map(function (point) {
          return [point.lat, point.lon];
        })), { padding: [30, 30], maxZoom: 6 });
      }
      var all = !clustered || data.lines.length <= LINE_LIMIT || /(^|&)country=/.test(current);
      drawLines(all ? data.lines : [], points);
      document.getElementById("atlas-count").textContent = all ?
        text(el, "textOnMap", data.lines.length) : text(el, "textChoose", data.lines.length);
      document.getElementById("atlas-unmapped").textContent = data.unmapped === 0 ? "" :
        data.unmapped === 1 ? el.dataset.textUnmappedOne : text(el, "textUnmapped", data.unmapped);
      el.dataset.linesDrawn = String(all ? data.lines.length : 0);
      el.dataset.clustered = String(clustered);
    }

    var current = "";

    function load(query) {
      current = query || "";
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
