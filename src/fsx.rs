//! Filesystem calls whose errors name the path.
//!
//! Takes paths, gives contents or an [`FsError`] that says what was being done
//! to which file: ``failed to read `content/x.md`: permission denied``.

use std::io;
use std::path::{Component, Path, PathBuf};

/// An I/O failure on a named path.
#[derive(Debug, thiserror::Error)]
#[error("failed to {action} `{}`: {source}", path.display())]
pub struct FsError {
    /// What we were doing: "read", "write", "create folder", ...
    pub action: &'static str,
    /// The path it was done to.
    pub path: PathBuf,
    /// The underlying error.
    #[source]
    pub source: io::Error,
}

fn wrap<T>(action: &'static str, path: &Path, result: io::Result<T>) -> Result<T, FsError> {
    result.map_err(|source| FsError {
        action,
        path: path.to_path_buf(),
        source,
    })
}

/// Reads a UTF-8 file, dropping a leading byte-order mark.
pub fn read_to_string(path: &Path) -> Result<String, FsError> {
    let bytes = wrap("read", path, std::fs::read(path))?;
    let text = String::from_utf8(bytes).map_err(|e| FsError {
        action: "read",
        path: path.to_path_buf(),
        source: io::Error::new(io::ErrorKind::InvalidData, format!("not UTF-8 ({e})")),
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// Reads a file's bytes.
pub fn read(path: &Path) -> Result<Vec<u8>, FsError> {
    wrap("read", path, std::fs::read(path))
}

/// Writes `bytes` to a new file at `path`; fails if anything is already
/// there, so it never overwrites. The parent folder must exist. If the write
/// fails after the file was created, the partial file is removed.
pub fn create_new(path: &Path, bytes: &[u8]) -> Result<(), FsError> {
    use std::io::Write;
    let mut file = wrap(
        "create",
        path,
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path),
    )?;
    let written = file.write_all(bytes);
    if written.is_err() {
        drop(file);
        let _ = std::fs::remove_file(path);
    }
    wrap("write", path, written)
}

/// Replaces the file at `path` with `bytes` in one step: written beside it,
/// then renamed over it, so a reader never sees half a file and a link at
/// `path` is replaced, never written through. The folder must exist.
pub fn replace_file(path: &Path, bytes: &[u8]) -> Result<(), FsError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    let _ = std::fs::remove_file(&temp);
    create_new(&temp, bytes)?;
    rename(&temp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temp);
    })
}

/// Writes `bytes` to `path`, whose folder must exist.
pub fn write_in_existing(path: &Path, bytes: &[u8]) -> Result<(), FsError> {
    wrap("write", path, std::fs::write(path, bytes))
}

/// Creates a folder and its parents.
pub fn create_dir_all(path: &Path) -> Result<(), FsError> {
    wrap("create folder", path, std::fs::create_dir_all(path))
}

/// Renames `from` to `to`.
pub fn rename(from: &Path, to: &Path) -> Result<(), FsError> {
    wrap("rename", from, std::fs::rename(from, to))
}

/// Removes a folder and everything in it; a missing folder is not an error.
pub fn remove_dir_all(path: &Path) -> Result<(), FsError> {
    match std::fs::remove_dir_all(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        other => wrap("remove", path, other),
    }
}

/// `path` made absolute with every symbolic link resolved; the part that
/// does not exist yet is appended as written, `.` and `..` resolved.
pub fn real_path(path: &Path) -> PathBuf {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut existing = normalise(&abs);
    let mut missing: Vec<std::ffi::OsString> = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            let mut out = real;
            for part in missing.iter().rev() {
                out.push(part);
            }
            return out;
        }
        match (
            existing.file_name().map(ToOwned::to_owned),
            existing.parent(),
        ) {
            (Some(name), Some(parent)) => {
                missing.push(name);
                existing = parent.to_path_buf();
            }
            _ => return normalise(&abs),
        }
    }
}

/// Lexically resolves `.` and `..`.
fn normalise(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom_and_names_missing_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        std::fs::write(&p, "\u{feff}---\n").unwrap();
        assert_eq!(read_to_string(&p).unwrap(), "---\n");
        let err = read_to_string(&dir.path().join("missing.md")).unwrap_err();
        assert!(err.to_string().starts_with("failed to read `"), "{err}");
        assert!(err.to_string().contains("missing.md"), "{err}");
    }

    #[test]
    fn create_new_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        create_new(&p, b"first").unwrap();
        let err = create_new(&p, b"second").unwrap_err();
        assert_eq!(err.action, "create");
        assert_eq!(err.source.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&p).unwrap(), b"first");
    }
}
