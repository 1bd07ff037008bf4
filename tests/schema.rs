//! The JSON output validates against `restlint-output.schema.json`, over a run of mixed
//! fixtures (errors, warnings, fixes, non-ASCII text, unreadable files); the fixture configs
//! validate against `restlint.schema.json`.

use std::path::Path;
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn schema(name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join(name)).expect("schema file");
    let v: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::validator_for(&v).expect("schema compiles")
}

fn errors(validator: &jsonschema::Validator, doc: &serde_json::Value) -> Vec<String> {
    validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect()
}

#[test]
fn json_output_matches_the_schema() {
    let validator = schema("restlint-output.schema.json");
    let fixtures = root().join("tests/fixtures");
    let mut checked = 0;
    for dir in ["bad", "clean", "unicode", "suppress", "overrides"] {
        let out = Command::cargo_bin("restlint")
            .expect("binary")
            .current_dir(fixtures.join(dir))
            .args(["--format", "json", "."])
            .output()
            .expect("run");
        let doc: serde_json::Value =
            serde_json::from_slice(&out.stdout).expect("stdout is one JSON document");
        let errs = errors(&validator, &doc);
        assert!(errs.is_empty(), "{dir}: {errs:#?}");
        checked += doc["diagnostics"].as_array().map_or(0, Vec::len);
    }
    assert!(
        checked >= 5,
        "the fixtures must produce diagnostics to validate"
    );
}

#[test]
fn schema_rejects_wrong_output() {
    let validator = schema("restlint-output.schema.json");
    let bad = serde_json::json!({"version": 2, "files": 0, "diagnostics": [], "summary": {"errors": 0, "warnings": 0, "fixable": 0}});
    assert!(!errors(&validator, &bad).is_empty());
}

#[test]
fn fixture_configs_match_the_config_schema() {
    let validator = schema("restlint.schema.json");
    let text = std::fs::read_to_string(root().join("tests/fixtures/overrides/restlint.json"))
        .expect("config");
    let doc: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert!(errors(&validator, &doc).is_empty());
    let bad = serde_json::json!({"rules": {"x": "fatal"}});
    assert!(!errors(&validator, &bad).is_empty());
}
