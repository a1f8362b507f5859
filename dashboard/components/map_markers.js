// The initiatives' and residents' ideas' markers on the map, clustered (Leaflet.markercluster).
// Loaded before map_frame.js, which calls ``window.allasMarkers.show(map, collection)`` with the
// markers' data from the map's data island; calling it again replaces the markers drawn before
// (a new filter). Every text is set as text (textContent or a DOM property), never as HTML.
(function () {
  'use strict';

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  // Links to the app's pages only where they lead somewhere: not in a map file opened on its own (the export).
  var inDashboard = window.parent !== window;

  function popupContent(popup) {
    var box = element('div', 'ini-popup');
    box.appendChild(element('h3', null, popup.title));
    popup.rows.forEach(function (row) {
      var line = element('p');
      if (row.label) {
        line.appendChild(element('strong', null, row.label + ':'));
        line.appendChild(document.createTextNode(' '));
      }
      if (row.href && inDashboard) {  // our own address (an idea on the ideas page), set as a property; the whole page goes there
        var link = element('a', null, row.text);
        link.href = row.href;
        link.target = '_top';
        line.appendChild(link);
      } else {
        line.appendChild(document.createTextNode(row.text));
      }
      box.appendChild(line);
    });
    if (popup.link && inDashboard) {
      var more = element('p');
      var anchor = element('a', null, popup.link.text);
      anchor.href = popup.link.href;
      anchor.target = '_top';
      more.appendChild(anchor);
      box.appendChild(more);
    }
    return box;
  }

  var state = {markers: {initiative: {}, idea: {}}, cluster: null};

  // Draws ``collection`` (a FeatureCollection or null) on ``map``, replacing what was drawn before.
  function show(map, collection) {
    if (state.cluster) { map.removeLayer(state.cluster); }
    state.cluster = null;
    state.markers = {initiative: {}, idea: {}};
    if (!collection || !collection.features || !collection.features.length || !L.markerClusterGroup) { return; }
    var cluster = L.markerClusterGroup({maxClusterRadius: 40, showCoverageOnHover: false});
    L.geoJSON(collection, {
      pointToLayer: function (feature, latlng) {
        var p = feature.properties, idea = p.kind === 'idea';
        // A resident's idea is a speech bubble, an initiative a shape by status (map_markers' styles).
        var shape = element('span', idea ? 'res-idea res-idea-' + p.status : 'ini ini-' + p.status);
        shape.style.background = p.colour;
        var size = idea ? 20 : 18;
        // The title is set as a DOM property by Leaflet, never parsed as HTML.
        return L.marker(latlng, {
          title: p.title,
          icon: L.divIcon({className: 'ini-icon', iconSize: [size, size], html: shape})
        });
      },
      onEachFeature: function (feature, layer) {
        state.markers[feature.properties.kind === 'idea' ? 'idea' : 'initiative'][feature.properties.id] = layer;
        layer.bindPopup(popupContent(feature.properties.popup), {maxWidth: 320});
      }
    }).addTo(cluster);
    cluster.addTo(map);
    state.cluster = cluster;
  }

  window.allasMarkers = {
    show: show,
    get markers() { return state.markers; },
    get cluster() { return state.cluster; }
  };
})();
