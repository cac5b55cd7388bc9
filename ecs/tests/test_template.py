"""The stack's own invariants, on the templates as CloudFormation parses them.

cfn-lint and checkov check that the templates are valid and follow AWS's
advice; these check what textproc needs of them: the ALB routes like the
nginx of the topology tests, the services can reach their containers, and
no secret is ever a plain value. Each check is a function returning the
list of what is wrong, so the tests can also show that a broken template
is caught.

Run: python -m pytest ecs/tests (with cfn-lint installed; .ci/run does it).
"""

import copy
import re
from pathlib import Path

import pytest
from cfnlint.decode import decode

ECS = Path(__file__).resolve().parent.parent
ROOT = ECS.parent
SECRET_NAME = re.compile(r"PASSWORD|SECRET|API_KEY|TOKEN", re.IGNORECASE)


def load(name):
    template, matches = decode(str(ECS / name))
    assert not matches, [str(m) for m in matches]
    return template


@pytest.fixture(scope="module")
def stack():
    return load("textproc.yaml")


def resources_of(template, kind):
    return {
        name: resource
        for name, resource in template["Resources"].items()
        if resource["Type"] == kind
    }


def ref(value):
    """The logical id a `!Ref` or `!GetAtt` points at, else None."""
    if isinstance(value, dict):
        if "Ref" in value:
            return value["Ref"]
        if "Fn::GetAtt" in value:
            target = value["Fn::GetAtt"]
            return target[0] if isinstance(target, list) else target.split(".")[0]
    return None


def if_branches(value):
    """Both branches of an `!If`, or the value itself."""
    if isinstance(value, dict) and "Fn::If" in value:
        _, yes, no = value["Fn::If"]
        return [yes, no]
    return [value]


def target_group_by_health_path(template, path):
    for name, group in resources_of(template, "AWS::ElasticLoadBalancingV2::TargetGroup").items():
        if group["Properties"].get("HealthCheckPath") == path:
            return name
    return None


# ------------------------------------------------------------------ checks


def routing_problems(template):
    problems = []
    api_group = target_group_by_health_path(template, "/api/health")
    home_group = target_group_by_health_path(template, "/healthz")
    if not api_group or not home_group:
        return ["no target group checks /api/health and /healthz"]

    rules = resources_of(template, "AWS::ElasticLoadBalancingV2::ListenerRule")
    api_rules = []
    for name, rule in rules.items():
        props = rule["Properties"]
        patterns = [
            value
            for condition in props["Conditions"]
            if condition.get("Field") == "path-pattern"
            for value in condition.get("PathPatternConfig", {}).get("Values", [])
        ]
        forwards = [ref(a.get("TargetGroupArn")) for a in props["Actions"] if a["Type"] == "forward"]
        if api_group in forwards:
            api_rules.append(name)
            if sorted(patterns) != ["/api", "/api/*"]:
                problems.append(f"{name}: the api rule matches {patterns}, not exactly /api and /api/*")
        elif "/api/*" in patterns or "/api" in patterns:
            problems.append(f"{name}: an /api pattern forwards to {forwards}, not {api_group}")
    if not api_rules:
        problems.append("no listener rule forwards to the api target group")

    for name, listener in resources_of(template, "AWS::ElasticLoadBalancingV2::Listener").items():
        for action in listener["Properties"]["DefaultActions"]:
            for branch in if_branches(action):
                if branch["Type"] == "forward" and ref(branch["TargetGroupArn"]) != home_group:
                    problems.append(f"{name}: the default action forwards to {ref(branch['TargetGroupArn'])}, not home")
                if branch["Type"] == "redirect" and branch["RedirectConfig"].get("Protocol") != "HTTPS":
                    problems.append(f"{name}: a redirect that is not to HTTPS")
    return problems


def target_type_problems(template):
    return [
        f"{name}: target type {group['Properties'].get('TargetType')}, not ip"
        for name, group in resources_of(template, "AWS::ElasticLoadBalancingV2::TargetGroup").items()
        if group["Properties"].get("TargetType") != "ip"
    ]


def service_problems(template):
    problems = []
    rules = set(resources_of(template, "AWS::ElasticLoadBalancingV2::ListenerRule"))
    task_definitions = resources_of(template, "AWS::ECS::TaskDefinition")
    for name, service in resources_of(template, "AWS::ECS::Service").items():
        props = service["Properties"]
        if props.get("LaunchType") != "FARGATE":
            problems.append(f"{name}: launch type {props.get('LaunchType')}, not FARGATE")
        depends = service.get("DependsOn", [])
        depends = [depends] if isinstance(depends, str) else depends
        if not rules & set(depends):
            problems.append(f"{name}: does not depend on the listener rule")
        breaker = props.get("DeploymentConfiguration", {}).get("DeploymentCircuitBreaker", {})
        if not (breaker.get("Enable") and breaker.get("Rollback")):
            problems.append(f"{name}: no deployment circuit breaker with rollback")
        definition = task_definitions.get(ref(props["TaskDefinition"]))
        if definition is None:
            problems.append(f"{name}: its task definition is not in the template")
            continue
        containers = {c["Name"]: c for c in definition["Properties"]["ContainerDefinitions"]}
        for balancer in props.get("LoadBalancers", []):
            container = containers.get(balancer["ContainerName"])
            if container is None:
                problems.append(f"{name}: container {balancer['ContainerName']} is not in its task definition")
                continue
            ports = [m["ContainerPort"] for m in container.get("PortMappings", [])]
            if balancer["ContainerPort"] not in ports:
                problems.append(f"{name}: port {balancer['ContainerPort']} is not mapped in {balancer['ContainerName']}")
    return problems


def secret_problems(template):
    problems = []
    for name, definition in resources_of(template, "AWS::ECS::TaskDefinition").items():
        for container in definition["Properties"]["ContainerDefinitions"]:
            for variable in container.get("Environment", []):
                if SECRET_NAME.search(variable["Name"]):
                    problems.append(f"{name}/{container['Name']}: {variable['Name']} is a plain environment value")
            secret_names = [
                s["Name"]
                for secret in container.get("Secrets", [])
                for s in if_branches(secret)
                if isinstance(s, dict) and "Name" in s
            ]
            if "DB_PASSWORD" not in secret_names:
                problems.append(f"{name}/{container['Name']}: DB_PASSWORD does not come from Secrets")
    for name, parameter in template.get("Parameters", {}).items():
        if SECRET_NAME.search(name) and not name.endswith("Arn") and not parameter.get("NoEcho"):
            problems.append(f"parameter {name} holds a secret in clear")
    for name, database in resources_of(template, "AWS::RDS::DBInstance").items():
        props = database["Properties"]
        if "MasterUserPassword" in props or props.get("ManageMasterUserPassword") is not True:
            problems.append(f"{name}: the password is not managed by RDS in Secrets Manager")
    return problems


def security_group_problems(template):
    """The world reaches the ALB on 80/443, the ALB the tasks on 8000, the
    tasks the database on 3306, and nothing else comes in."""
    groups = resources_of(template, "AWS::EC2::SecurityGroup")
    ingress = {
        name: [(rule["FromPort"], rule["ToPort"], rule.get("CidrIp") or ref(rule.get("SourceSecurityGroupId")))
               for rule in group["Properties"].get("SecurityGroupIngress", [])]
        for name, group in groups.items()
    }
    for rule in resources_of(template, "AWS::EC2::SecurityGroupIngress").values():
        props = rule["Properties"]
        ingress[ref(props["GroupId"])].append(
            (props["FromPort"], props["ToPort"], props.get("CidrIp") or ref(props.get("SourceSecurityGroupId"))))
    expected = {
        "AlbSecurityGroup": sorted([(80, 80, "0.0.0.0/0"), (443, 443, "0.0.0.0/0")]),
        "TaskSecurityGroup": [(8000, 8000, "AlbSecurityGroup")],
        "DatabaseSecurityGroup": [(3306, 3306, "TaskSecurityGroup")],
    }
    return [
        f"{name}: lets in {sorted(ingress.get(name, []))}, expected {rules}"
        for name, rules in expected.items()
        if sorted(ingress.get(name, [])) != rules
    ]


# ------------------------------------------------------------------- tests


def test_the_api_rule_forwards_to_api_and_the_default_action_to_home(stack):
    assert routing_problems(stack) == []


def test_a_rule_sending_the_api_patterns_to_home_is_caught(stack):
    broken = copy.deepcopy(stack)
    broken["Resources"]["ApiListenerRule"]["Properties"]["Actions"][0]["TargetGroupArn"] = {"Ref": "HomeTargetGroup"}
    assert routing_problems(broken)
    missing_bare_api = copy.deepcopy(stack)
    missing_bare_api["Resources"]["ApiListenerRule"]["Properties"]["Conditions"][0]["PathPatternConfig"]["Values"] = ["/api/*"]
    assert any("not exactly /api and /api/*" in p for p in routing_problems(missing_bare_api))


def test_target_groups_are_of_type_ip(stack):
    assert target_type_problems(stack) == []
    broken = copy.deepcopy(stack)
    broken["Resources"]["HomeTargetGroup"]["Properties"]["TargetType"] = "instance"
    assert target_type_problems(broken)


def test_services_are_fargate_behind_the_rule_with_containers_that_exist(stack):
    assert service_problems(stack) == []
    broken = copy.deepcopy(stack)
    broken["Resources"]["ApiService"]["Properties"]["LoadBalancers"][0]["ContainerName"] = "apii"
    broken["Resources"]["HomeService"]["DependsOn"] = ["HttpListener"]
    problems = service_problems(broken)
    assert any("apii" in p for p in problems), problems
    assert any("HomeService: does not depend" in p for p in problems), problems


def test_no_secret_is_a_plain_environment_value(stack):
    assert secret_problems(stack) == []
    broken = copy.deepcopy(stack)
    container = broken["Resources"]["ApiTaskDefinition"]["Properties"]["ContainerDefinitions"][0]
    container["Environment"].append({"Name": "GOOGLE_TRANSLATE_API_KEY", "Value": "AIza..."})
    assert secret_problems(broken)


def test_security_groups_chain_world_to_alb_to_tasks_to_database(stack):
    assert security_group_problems(stack) == []
    broken = copy.deepcopy(stack)
    broken["Resources"]["DatabaseSecurityGroup"]["Properties"]["SecurityGroupIngress"][0]["CidrIp"] = "0.0.0.0/0"
    del broken["Resources"]["DatabaseSecurityGroup"]["Properties"]["SecurityGroupIngress"][0]["SourceSecurityGroupId"]
    assert security_group_problems(broken)


def test_health_checks_and_deregistration_are_set(stack):
    for path in ["/api/health", "/healthz"]:
        group = stack["Resources"][target_group_by_health_path(stack, path)]["Properties"]
        attributes = {a["Key"]: a["Value"] for a in group["TargetGroupAttributes"]}
        assert int(attributes["deregistration_delay.timeout_seconds"]) <= 30


def test_the_nginx_of_the_topology_tests_routes_like_the_listener_rule(stack):
    nginx = (ROOT / "deploy/nginx/alb.conf.template").read_text()
    locations = re.findall(r"^\s*location\s+(=\s*)?(\S+)\s*\{\s*proxy_pass\s+http://(\w+);", nginx, re.MULTILINE)
    routes = {(bool(exact), path): upstream for exact, path, upstream in locations}
    # ALB /api -> nginx "location = /api"; /api/* -> "location /api/" (a prefix).
    assert routes == {
        (True, "/api"): "textproc_api",
        (False, "/api/"): "textproc_api",
        (False, "/"): "textproc_home",
    }
    patterns = stack["Resources"]["ApiListenerRule"]["Properties"]["Conditions"][0]["PathPatternConfig"]["Values"]
    assert sorted(patterns) == ["/api", "/api/*"]


def test_image_repositories_scan_on_push_and_expire_old_images():
    ecr = load("ecr.yaml")
    for name, repository in resources_of(ecr, "AWS::ECR::Repository").items():
        props = repository["Properties"]
        assert props["ImageScanningConfiguration"]["ScanOnPush"] is True, name
        assert "LifecyclePolicyText" in props["LifecyclePolicy"], name


# Default max_connections of the smallest instance the template allows by
# default (db.t4g.micro: its memory / 12 MiB, some 60 to 80 after RDS's own share).
SMALLEST_MAX_CONNECTIONS = 60


def pool_problems(template):
    """Every serving task caps its pool, and at full scale the pools fit the database."""
    problems = []
    services = resources_of(template, "AWS::ECS::Service")
    definitions = {ref(s["Properties"]["TaskDefinition"]) for s in services.values()}
    for name in sorted(definitions):
        for container in template["Resources"][name]["Properties"]["ContainerDefinitions"]:
            sizes = [v["Value"] for v in container.get("Environment", []) if v["Name"] == "DATABASE_POOL_SIZE"]
            if [ref(size) for size in sizes] != ["DbPoolSize"]:
                problems.append(f"{name}/{container['Name']}: DATABASE_POOL_SIZE is not the DbPoolSize parameter")
    parameters = template["Parameters"]
    worst = len(services) * parameters["MaxCount"]["Default"] * parameters["DbPoolSize"]["Default"]
    if worst > SMALLEST_MAX_CONNECTIONS:
        problems.append(f"{worst} connections at MaxCount exceed db.t4g.micro's {SMALLEST_MAX_CONNECTIONS}")
    return problems


def test_the_pools_fit_the_database_at_full_scale(stack):
    assert pool_problems(stack) == []


def test_a_pool_too_large_for_the_database_is_caught(stack):
    broken = copy.deepcopy(stack)
    broken["Parameters"]["DbPoolSize"]["Default"] = 32
    assert any("exceed" in p for p in pool_problems(broken))
