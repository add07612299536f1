//! "Did you mean ...?": the one rule every suggestion in the project follows.
//!
//! The expression parser suggests `$response` for `$respose`, the generator's
//! checker suggests `pollFixState` for `pollFixStat`; both call
//! [`did_you_mean`], so a user sees the same judgement of "close enough"
//! whichever layer found the typo.

/// The candidate closest to `name`, if it is close enough to be a likely typo.
///
/// The rule:
/// - names are compared case-insensitively, and a candidate equal to `name`
///   but for case always wins (`STATUSCODE` -> `statusCode`);
/// - otherwise the Damerau-Levenshtein distance (an adjacent swap counts as
///   one edit, as `strsim` computes it) must be at most a third of the longer
///   name (at least 1), and smaller than the candidate's length, so a
///   one-letter name is never "corrected" into another one;
/// - among several, the smallest distance wins, then the shorter candidate,
///   then the first listed;
/// - `name` itself and an empty `name` get no suggestion.
///
/// ```
/// use arazzo_expr::did_you_mean;
///
/// assert_eq!(did_you_mean("pollFixStat", ["listModels", "pollFixState"]), Some("pollFixState"));
/// assert_eq!(did_you_mean("STATUSCODE", ["statusCode"]), Some("statusCode"));
/// assert_eq!(did_you_mean("x", ["y"]), None);
/// ```
pub fn did_you_mean<'a, I>(name: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    if name.is_empty() {
        return None;
    }
    let lower = name.to_lowercase();
    let name_len = name.chars().count();
    candidates
        .into_iter()
        .filter(|c| *c != name)
        .filter_map(|c| {
            let other = c.to_lowercase();
            let len = c.chars().count();
            if other == lower {
                return Some((c, 0, len));
            }
            // The distance is at least the difference in length, and must stay below `len`:
            // skipping here keeps a megabyte-long name from costing a megabyte-wide matrix.
            if name_len.abs_diff(len) >= len {
                return None;
            }
            let distance = strsim::damerau_levenshtein(&lower, &other);
            let limit = (name_len.max(len) / 3).max(1);
            (distance <= limit && distance < len).then_some((c, distance, len))
        })
        .min_by_key(|&(_, distance, len)| (distance, len))
        .map(|(c, _, _)| c)
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;

    #[test]
    fn typos_get_suggestions() {
        assert_eq!(did_you_mean("respose", ["request", "response"]), Some("response"));
        assert_eq!(did_you_mean("headers", ["header", "query"]), Some("header"));
        assert_eq!(did_you_mean("stauts", ["status", "state"]), Some("status"));
        assert_eq!(did_you_mean("PAR", ["Par", "Token"]), Some("Par"));
        assert_eq!(did_you_mean("creat", ["fetch", "create"]), Some("create"));
    }

    #[test]
    fn far_or_trivial_names_get_none() {
        assert_eq!(did_you_mean("zzzzzz", ["header", "query"]), None);
        assert_eq!(did_you_mean("zzz", ["listModels"]), None);
        assert_eq!(did_you_mean("a", ["b"]), None);
        assert_eq!(did_you_mean("", ["a"]), None);
        assert_eq!(did_you_mean("same", ["same"]), None);
        assert_eq!(did_you_mean("x", std::iter::empty()), None);
    }

    #[test]
    fn ties_go_to_the_closest_then_the_shortest_then_the_first() {
        assert_eq!(did_you_mean("ab", ["abc", "abd"]), Some("abc"));
        assert_eq!(did_you_mean("abcdef", ["abcdefgh", "abcdeg"]), Some("abcdeg"));
        assert_eq!(did_you_mean("petid", ["petIds", "petId"]), Some("petId"));
    }
}
