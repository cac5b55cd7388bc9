-- wrk script for `cargo run --release --example load`: POSTs JSON bodies
-- that rotate through realistic texts for the route named after `--`, and
-- prints one machine-readable line with the counts and latencies.
-- Usage: wrk -s bench/load.lua URL -- spell|space|translate

local texts = {
  spell = {
    "I recieved teh package yesterday and it was damagd",
    "the goverment anounced a new polcy on enviromental protection",
    "she definately wants to acommodate everyone at the wedding",
    "we beleive the experiement was a sucess despite the wether",
    "the resturant was closed untill futher notice",
    "his arguement was not very convincing to the comittee",
    "please seperate the recyling from the garbage",
    "the libary has a wonderfull collection of old manuscripts",
    "tomorow we will dicuss the buget for next year",
    "it is neccessary to mantain the equipment regularly",
    "Teh quick brown fox jumps over teh lazy dog",
    "our neighbour's begining was humble but succesful",
  },
  space = {
    "thequickbrownfoxjumpsoverthelazydog",
    "itwasthebestoftimesitwastheworstoftimes",
    "wewenttothemarketandboughtsomefreshbread",
    "pleasesendmethereportbeforethemeeting",
    "thecatsatonthematandlookedoutthewindow",
    "canyoutellmethewaytothetrainstation",
    "allthatglittersisnotgold",
    "themeetinghasbeenmovedtonextwednesday",
    "sheopenedthedoorandwalkedintothegarden",
    "readingbooksisagoodwaytolearnnewwords",
  },
  translate = {
    "Bonjour, comment allez-vous aujourd'hui ?",
    "El tren sale a las ocho de la mañana.",
    "Ich habe das Buch gestern gelesen.",
    "La riunione è stata spostata a domani.",
    "Onde fica a estação de comboios?",
    "De kat zit op de mat.",
    "Je voudrais réserver une table pour deux personnes.",
    "Wir treffen uns nächste Woche im Büro.",
  },
}

local threads = {}
local counter = 0

function setup(thread)
  thread:set("thread_number", #threads)
  table.insert(threads, thread)
end

function init(args)
  route = args[1] or "spell"
  pool = texts[route]
  statuses = {}
  created = 0
  other = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
end

-- JSON string escaping for the few characters our texts could hold.
local function quote(s)
  return '"' .. s:gsub('\\', '\\\\'):gsub('"', '\\"') .. '"'
end

function request()
  counter = counter + 1
  local text = pool[(counter % #pool) + 1]
  local body = '{"id": "load-' .. thread_number .. '", "text": ' .. quote(text) .. '}'
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local created_total, other_total = 0, 0
  for _, thread in ipairs(threads) do
    created_total = created_total + thread:get("created")
    other_total = other_total + thread:get("other")
  end
  local errors = summary.errors
  io.write(string.format(
    'LOAD {"requests": %d, "seconds": %.3f, "created": %d, "not_created": %d, ' ..
    '"socket_errors": %d, "p50_us": %d, "p99_us": %d, "max_us": %d}\n',
    summary.requests, summary.duration / 1e6, created_total, other_total,
    errors.connect + errors.read + errors.write + errors.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
