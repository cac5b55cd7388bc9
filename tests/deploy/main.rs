//! The deployment, proven on this machine: nginx configured exactly as the
//! ALB routes (`deploy/nginx/alb.conf.template`, also compose.yaml's) in
//! front of the `api` and `home` binaries on MariaDB, and in front of the
//! two images. `ecs/tests` checks the CloudFormation template itself.

mod images;
mod logs;
mod nginx;
mod routing;
mod stopping;
mod topology;
