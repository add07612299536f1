// Distinct spec names that meet after case conversion compile: the first in document
// order keeps the name, each later one gets a numbered suffix
// (`ui/specs/colliding_names.arazzo.yaml`).
mod api {
    arazzo::arazzo_workflow!("ui/specs/colliding_names.arazzo.yaml");
}

fn main() {
    // Sources `pet-store` and `petStore`.
    let workflows = api::Workflows::new(
        api::pet_store::Client::new("http://127.0.0.1:1"),
        api::pet_store_2::Client::new("http://127.0.0.1:1"),
    );
    let _ = (workflows.pet_store(), workflows.pet_store_2());
    // Workflows `get-pet` and `getPet`; `new` does not shadow `Workflows::new`.
    let _ = (api::Workflows::get_pet, api::Workflows::get_pet_2, api::Workflows::new_2);
    let _ = (api::GetPet2Inputs {}, api::NewInputs {});
    // Inputs `Ünïcødé` and `ünïcødé`; outputs `name` and `Name`.
    let inputs = api::GetPetInputs { n_c_d: Some("x".into()), n_c_d_2: Some(1) };
    let outputs = api::GetPetOutputs { name: 200, name_2: 200 };
    let _ = (inputs, outputs);
}
