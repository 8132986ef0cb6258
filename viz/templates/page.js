// regkg graph page: draws KG_DATA with vis-network, then wires the search box and legend filter.
// Tooltips arrive as HTML in which every document string is already escaped server-side;
// vis-network 9 shows string titles as plain text, so they are turned into elements here.
(function () {
  "use strict";

  function tooltipElement(html) {
    var element = document.createElement("div");
    element.className = "kg-tip";
    element.innerHTML = html;
    return element;
  }

  function setStatus(text) {
    document.getElementById("kg-status").textContent = text;
  }

  // Marks the page as drawn so scripts and headless browsers can tell it is finished.
  function markReady(network) {
    document.body.setAttribute("data-kg-nodes", String(network.body.data.nodes.length));
    document.body.setAttribute("data-kg-edges", String(network.body.data.edges.length));
    document.body.setAttribute("data-kg-ready", "1");
    setStatus(network.body.data.nodes.length + " nodes, " + network.body.data.edges.length + " links");
  }

  var nodeItems = KG_DATA.nodes.map(function (node) {
    var item = Object.assign({}, node);
    item.title = tooltipElement(node.title);
    return item;
  });
  var edgeItems = KG_DATA.edges.map(function (edge, index) {
    return Object.assign({ id: "e" + index }, edge);
  });
  var nodes = new vis.DataSet(nodeItems);
  var edges = new vis.DataSet(edgeItems);
  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, KG_DATA.options);
  window.kgNetwork = network;

  if (KG_DATA.options.physics && KG_DATA.options.physics.enabled !== false && nodeItems.length > 0) {
    network.on("stabilizationProgress", function (params) {
      setStatus("laying out: " + Math.round((100 * params.iterations) / params.total) + "%");
    });
    // Bounded stabilization, then physics off: a 2,000-node page settles and stays still.
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      markReady(network);
    });
  } else {
    markReady(network);
  }

  // Search box: names go into the datalist via .value (never as HTML).
  var names = document.getElementById("kg-names");
  var seen = {};
  nodeItems.forEach(function (node) {
    if (!seen[node.kgName]) {
      seen[node.kgName] = true;
      var option = document.createElement("option");
      option.value = node.kgName;
      names.appendChild(option);
    }
  });

  function search() {
    var query = document.getElementById("kg-search").value.trim().toLowerCase();
    var status = document.getElementById("kg-search-status");
    if (!query) {
      network.unselectAll();
      status.textContent = "";
      return;
    }
    var ids = nodeItems
      .filter(function (node) {
        return !nodes.get(node.id).hidden &&
          (node.kgName.toLowerCase().indexOf(query) >= 0 || String(node.kgUri || "").toLowerCase() === query);
      })
      .map(function (node) { return node.id; });
    network.selectNodes(ids);
    if (ids.length) {
      network.fit({ nodes: ids, animation: false });
    }
    status.textContent = ids.length + (ids.length === 1 ? " match" : " matches");
  }

  document.getElementById("kg-search-go").addEventListener("click", search);
  document.getElementById("kg-search").addEventListener("keydown", function (event) {
    if (event.key === "Enter") { search(); }
  });
  document.getElementById("kg-search-clear").addEventListener("click", function () {
    document.getElementById("kg-search").value = "";
    search();
    network.fit({ animation: false });
  });

  // Legend checkboxes hide and show whole classes.
  Array.prototype.forEach.call(document.querySelectorAll("input[data-kg-class]"), function (box) {
    box.addEventListener("change", function () {
      var nodeClass = box.getAttribute("data-kg-class");
      nodes.update(nodeItems
        .filter(function (node) { return node.kgClass === nodeClass; })
        .map(function (node) { return { id: node.id, hidden: !box.checked }; }));
    });
  });
})();
