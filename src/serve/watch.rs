//! What a batch of file changes means for the preview.
//!
//! Takes the changed paths and the site root; gives the [`ChangeKind`] that
//! decides what to rebuild, or `None` when nothing the site is made of
//! changed (the output folder, hidden files, editor swap files).

use std::path::{Component, Path};

/// What changed, most far-reaching first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChangeKind {
    /// `briefing.yaml`: settings may change everything.
    Config,
    /// Something in `templates/`.
    Templates,
    /// Something in `data/` (watch-list, KEV catalogue).
    Data,
    /// Something in `theme/`.
    Theme,
    /// An article under `content/`.
    Content,
}

/// The most far-reaching change among `paths`, or `None` if none matters.
pub fn classify(paths: &[&Path], root: &Path, out_dir: &Path) -> Option<ChangeKind> {
    paths.iter().filter_map(|p| kind_of(p, root, out_dir)).min()
}

fn kind_of(path: &Path, root: &Path, out_dir: &Path) -> Option<ChangeKind> {
    if path.starts_with(out_dir) {
        return None;
    }
    let rel = path.strip_prefix(root).ok()?;
    let hidden = rel.components().any(|c| match c {
        Component::Normal(n) => {
            let n = n.to_string_lossy();
            n.starts_with('.') || n.ends_with('~') || n.ends_with(".swp") || n.ends_with(".tmp")
        }
        _ => false,
    });
    if hidden {
        return None;
    }
    let mut parts = rel.components();
    let first = parts.next()?.as_os_str().to_string_lossy().into_owned();
    let more = parts.next().is_some();
    match (first.as_str(), more) {
        (crate::config::CONFIG_FILE, false) => Some(ChangeKind::Config),
        ("templates", _) => Some(ChangeKind::Templates),
        ("data", _) => Some(ChangeKind::Data),
        ("theme", _) => Some(ChangeKind::Theme),
        ("content", _) => Some(ChangeKind::Content),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn classifies_changes() {
        let root = PathBuf::from("/site");
        let out = root.join("public");
        let cases: &[(&[&str], Option<ChangeKind>)] = &[
            (&["/site/content/2024/a.md"], Some(ChangeKind::Content)),
            (
                &["/site/templates/article.html"],
                Some(ChangeKind::Templates),
            ),
            (&["/site/theme/style.css"], Some(ChangeKind::Theme)),
            (&["/site/data/entities.yaml"], Some(ChangeKind::Data)),
            (&["/site/briefing.yaml"], Some(ChangeKind::Config)),
            (
                &["/site/content/a.md", "/site/briefing.yaml"],
                Some(ChangeKind::Config),
            ),
            (&["/site/public/index.html"], None),
            (&["/site/.public.tmp-1/index.html"], None),
            (&["/site/content/.a.md.swp", "/site/content/a.md~"], None),
            (&["/site/README.md", "/elsewhere/x.md"], None),
            (&["/site/.git/index"], None),
        ];
        for (paths, expected) in cases {
            let paths: Vec<&Path> = paths.iter().map(Path::new).collect();
            assert_eq!(classify(&paths, &root, &out), *expected, "{paths:?}");
        }
    }
}
