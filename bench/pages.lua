-- wrk script for `cargo run --release --example home_load`: GETs a path
-- chosen at random, for each request, from those given after `--`, so a
-- run covers many searches or record pages rather than one cached answer.
-- Usage: wrk -s bench/pages.lua URL -- /path1 /path2 ...

local paths = {}

function init(args)
  for i = 1, #args do
    paths[i] = args[i]
  end
  math.randomseed(os.time() + (tonumber(tostring({}):sub(8), 16) or 0))
end

function request()
  return wrk.format("GET", paths[math.random(1, #paths)])
end
