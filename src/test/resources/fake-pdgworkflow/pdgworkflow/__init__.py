"""A stand-in for pdgworkflow in the tests of ogdc-action's viz scripts: it records calls and serves tile listings.

Only the API the scripts use is here, with pdgworkflow's names: WorkflowManager(config) with .config (a
ConfigManager) and .tiles (a TilePathManager, from pdgstaging in the real image).

Environment:
  FAKE_PDG_LOG    file that gets one JSON line per call: {"method", "args", "kwargs", "cwd"}
  FAKE_PDG_TILES  optional JSON {"<base dir name>": [paths]}, served by get_filenames_from_dir instead of real files
  FAKE_PDG_FAIL   "<method>" or "<method>:<text>": that method raises (only when an argument contains <text>)
  FAKE_PDG_NOISE  non-empty: write to stdout, through Python and through file descriptor 1, at import and per call

Tile paths end in <z>/<x>/<y><ext>; real listings walk the config's dir_<base> (pdgworkflow's default dirs) and come
back in reverse order, so a script that needs an order must sort.
"""

import collections
import json
import os

Tile = collections.namedtuple("Tile", "x y z")

DEFAULT_DIRS = {"input": "input", "staged": "staged", "geotiff": "geotiff", "web_tiles": "web_tiles",
                "3dtiles": "3dtiles"}
EXTENSIONS = {"staged": ".gpkg", "geotiff": ".tif", "web_tiles": ".png", "3dtiles": ".json"}


def _noise(where):
    if os.environ.get("FAKE_PDG_NOISE"):
        print(f"noise from {where}", flush=True)
        os.write(1, f"fd noise from {where}\n".encode())


def _call(method, *args, **kwargs):
    _noise(method)
    log = os.environ.get("FAKE_PDG_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as file:
            file.write(json.dumps({"method": method, "args": list(args), "kwargs": kwargs, "cwd": os.getcwd()}) + "\n")
    failing = os.environ.get("FAKE_PDG_FAIL", "")
    name, _, text = failing.partition(":")
    if name == method and (not text or any(text in str(arg) for arg in args)):
        raise RuntimeError(f"fake {method} failed")


_noise("import")


class ConfigManager:
    def __init__(self, config):
        self.config = dict(config)

    def get(self, key):
        return self.config.get(key)

    def get_min_z(self):
        return self.config.get("z_range", [0, 13])[0]

    def get_max_z(self):
        return self.config.get("z_range", [0, 13])[1]

    def is_generate_wmtsCapabilities_enabled(self):
        return bool(self.config.get("fake_generate_wmts", True))


class TilePathManager:
    def __init__(self, config):
        self.config = config

    def _dir(self, base_dir):
        return self.config.get("dir_" + base_dir) or DEFAULT_DIRS[base_dir]

    def dict_from_path(self, path):
        z, x, y = path.replace("\\", "/").split("/")[-3:]
        return {"z": z, "x": x, "y": os.path.splitext(y)[0]}

    def tile_from_path(self, path):
        parts = self.dict_from_path(path)
        return Tile(int(parts["x"]), int(parts["y"]), int(parts["z"]))

    def path_from_tile(self, tile, base_dir):
        return f"{self._dir(base_dir)}/{tile.z}/{tile.x}/{tile.y}{EXTENSIONS[base_dir]}"

    def get_parent_tile(self, tile):
        if isinstance(tile, str):
            tile = self.tile_from_path(tile)
        return None if tile.z == 0 else Tile(tile.x // 2, tile.y // 2, tile.z - 1)

    def get_filenames_from_dir(self, base_dir, z=None):
        _call("get_filenames_from_dir", base_dir, z=z)
        served = json.loads(os.environ.get("FAKE_PDG_TILES", "{}"))
        if base_dir in served:
            paths = served[base_dir]
        else:
            paths = []
            for root, _, names in os.walk(self._dir(base_dir)):
                paths += [os.path.join(root, n) for n in names if n.endswith(EXTENSIONS[base_dir])]
        if z is not None:
            paths = [p for p in paths if int(self.dict_from_path(p)["z"]) == z]
        return sorted(paths, reverse=True)


class RasterTiler:
    def parent_geotiff_from_children(self, tile):
        _call("parent_geotiff_from_children", tile)

    def webtile_from_geotiff(self, path):
        _call("webtile_from_geotiff", path)


class WorkflowManager:
    def __init__(self, config):
        _call("WorkflowManager", config)
        self.config = ConfigManager(config)
        self.tiles = TilePathManager(self.config)

    def stage(self, path):
        _call("stage", path)

    def rasterize_vector(self, path):
        _call("rasterize_vector", path)

    def staged_to_3dtile(self, path):
        _call("staged_to_3dtile", path)

    def init_raster_tiler(self):
        _call("init_raster_tiler")
        return RasterTiler()

    def run_rasterization(self):
        _call("run_rasterization")

    def run_3d_tiling(self):
        _call("run_3d_tiling")

    def generate_wmts_capabilities(self):
        _call("generate_wmts_capabilities")
