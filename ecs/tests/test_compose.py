"""compose.yaml, the laptop's copy of the topology, checked against the
nginx config the deployment tests run and against the services' settings
(no Docker engine runs here, so the file is checked rather than run)."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent.parent


def compose():
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


def test_nginx_routes_with_the_tested_template_to_the_two_services():
    services = compose()["services"]
    alb = services["alb"]
    mounts = [volume.split(":") for volume in alb["volumes"]]
    templates = [source for source, target, *_ in mounts if target.startswith("/etc/nginx/templates/")]
    assert templates == ["./deploy/nginx/alb.conf.template"]
    assert (ROOT / templates[0]).exists()
    template = (ROOT / templates[0]).read_text()
    variables = set(re.findall(r"\$\{(\w+)\}", template))
    assert variables == set(alb["environment"]), "every variable of the template is set, and only those"
    for upstream, service in [("API_UPSTREAM", "api"), ("HOME_UPSTREAM", "home")]:
        host, port = alb["environment"][upstream].split(":")
        assert host == service and host in services
        assert port == "8000", "the port the images set (ROCKET_PORT)"


def test_the_services_get_the_database_as_parts_and_migrate_first():
    services = compose()["services"]
    for name in ["migrate", "api", "home"]:
        environment = services[name]["environment"]
        assert {"DB_HOST", "DB_PORT", "DB_USER", "DB_PASSWORD", "DB_NAME"} <= set(environment), name
        assert "DATABASE_URL" not in environment, f"{name}: one way to give the database, not two"
    assert services["migrate"]["command"] == ["migrate"]
    for name in ["api", "home"]:
        assert services[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    # The migration runs the api image, built once.
    assert services["migrate"]["build"]["dockerfile"] == "Dockerfile.api"
    assert services["api"]["image"] == services["migrate"]["image"]
    assert services["home"]["build"]["dockerfile"] == "Dockerfile.home"
