//! The Arazzo side of the generator: the document model, the checks, and
//! the lowering to the workflow IR.

pub mod check;
pub mod check_calls;
pub mod depends;
pub mod events;
pub mod lower;
pub mod model;
pub mod resolve;
pub mod support;
pub mod unique;
#[cfg(feature = "xpath")]
pub mod xpath;
