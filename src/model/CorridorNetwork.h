#pragma once
// The description of a model's corridor network (docs/model.md §3): the
// places, the directed links between them with capacity, unit cost and the
// states that control them, and the yearly volumes that must move. Readers
// build and validate it; the router only reads it.
#include <map>
#include <string>
#include <vector>

#include "model/Judgement.h"

namespace tengerim {

struct CorridorNode {
  std::string id;       // e.g. "novorossiysk"
  std::string name;
  std::string country;  // ISO3 of the state the node lies in
  double lat = 0;
  double lon = 0;
  std::string source;   // id in sources.csv
  long line = 0;        // in nodes.csv
};

struct CorridorEdge {
  std::string id;         // edges.csv `id` column, else "from->to:commodity"; unique; scenarios name edges by it
  std::string from;       // node id
  std::string to;         // node id
  std::string mode;       // pipeline, rail, road, sea
  std::string commodity;  // the one commodity this link carries (e.g. "oil")
  double capacity = 0;    // per year, in `unit`
  std::string unit;       // e.g. "Mt/yr"
  double cost = 0;        // per unit moved (e.g. USD per tonne); a judgement when no source gives it
  std::vector<std::string> controllers;  // ISO3 of the states whose territory or control it passes
  std::string source;     // id in sources.csv
  long line = 0;          // in edges.csv

  std::string label() const { return from + "->" + to + " (" + commodity + ")"; }
};

// A yearly volume of one commodity that must go from an origin to a market.
struct CorridorDemand {
  std::string commodity;
  std::string origin;  // node id
  std::string market;  // node id
  double volume = 0;   // per year, in the commodity's unit
  std::string source;
  long line = 0;       // in demand.csv
};

// What a commodity is and which domain of the balance sheet its stranded
// volume is a loss of (empty: reported, not counted in the loss).
struct CorridorCommodity {
  std::string id;
  std::string name;
  std::string unit;
  std::string domain;
  // The share of the domain's yearly flow the commodity carries: a stranded
  // fraction f of the commodity loses f x domain_share of the domain (1: the
  // commodity is the whole domain, as oil routes are; rail cargo carries part of exports).
  double domain_share = 1;
};

struct CorridorNetwork {
  std::string origin;  // where it was read from, for messages
  std::vector<CorridorNode> nodes;
  std::vector<CorridorEdge> edges;
  std::vector<CorridorDemand> demands;
  std::vector<CorridorCommodity> commodities;
  // Figures no source gives (unit costs, some capacities), from judgements.csv;
  // a cell of the CSV files above may name one instead of giving a number.
  std::map<std::string, Judgement> judgements;

  const CorridorNode* find_node(const std::string& id) const {
    for (const auto& node : nodes)
      if (node.id == id) return &node;
    return nullptr;
  }
  const CorridorCommodity* find_commodity(const std::string& id) const {
    for (const auto& commodity : commodities)
      if (commodity.id == id) return &commodity;
    return nullptr;
  }
  const CorridorEdge* find_edge(const std::string& id) const {
    for (const auto& edge : edges)
      if (edge.id == id) return &edge;
    return nullptr;
  }
  bool empty() const { return nodes.empty(); }
};

}  // namespace tengerim
