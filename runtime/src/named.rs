//! A map for the few entries a run keeps per step or per called workflow.
//!
//! Keys are the names generated code holds as `&'static str` (a workflow has a handful of
//! steps), so a vector searched in order is cheaper than a `HashMap`: no SipHash per
//! lookup, and one allocation instead of a table. A crate would add a dependency for these
//! forty lines; `std` has no small map.

use std::borrow::Borrow;

/// Entries in insertion order, each key at most once.
#[derive(Debug)]
pub(crate) struct Named<K, V> {
    entries: Vec<(K, V)>,
}

impl<K: PartialEq, V> Named<K, V> {
    pub(crate) const fn new() -> Named<K, V> {
        Named { entries: Vec::new() }
    }

    pub(crate) fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: PartialEq + ?Sized,
    {
        self.entries.iter().find(|(k, _)| k.borrow() == key).map(|(_, v)| v)
    }

    pub(crate) fn contains_key<Q>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
        Q: PartialEq + ?Sized,
    {
        self.get(key).is_some()
    }

    /// Sets `key` to `value`, replacing an earlier value.
    pub(crate) fn insert(&mut self, key: K, value: V) {
        match self.entries.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => *v = value,
            None => self.entries.push((key, value)),
        }
    }

    /// The value of `key`, set to `default` first if it has none.
    pub(crate) fn get_or_insert(&mut self, key: K, default: V) -> &mut V {
        let at = if let Some(at) = self.entries.iter().position(|(k, _)| *k == key) {
            at
        } else {
            self.entries.push((key, default));
            self.entries.len() - 1
        };
        &mut self.entries[at].1
    }
}

#[cfg(test)]
mod tests {
    use super::Named;

    #[test]
    fn keys_are_unique_and_values_replaced() {
        let mut map: Named<&str, u32> = Named::new();
        assert_eq!(map.get("a"), None);
        map.insert("a", 1);
        map.insert("b", 2);
        map.insert("a", 3);
        assert_eq!((map.get("a"), map.get("b")), (Some(&3), Some(&2)));
        *map.get_or_insert("b", 0) += 1;
        *map.get_or_insert("c", 0) += 1;
        assert_eq!((map.get("b"), map.get("c")), (Some(&3), Some(&1)));
        assert!(map.contains_key("c") && !map.contains_key("d"));
        assert_eq!(map.entries.len(), 3);
        let owned = String::from("a");
        assert_eq!(map.get(owned.as_str()), Some(&3));
    }
}
