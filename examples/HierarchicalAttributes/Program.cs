// Builds the system described by hierarchicalattributes.camkes and runs it until the controller returns.
return HierarchicalAttributes.HierarchicalAttributesSystem.Run();
