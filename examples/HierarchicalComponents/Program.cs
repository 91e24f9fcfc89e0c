// Builds the system described by hierarchicalcomponents.camkes and runs it until the client returns.
return HierarchicalComponents.HierarchicalComponentsSystem.Run();
