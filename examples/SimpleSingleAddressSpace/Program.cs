// Builds the system described by simplesingleaddressspace.camkes and runs it until the client returns.
return SimpleSingleAddressSpace.SimpleSingleAddressSpaceSystem.Run();
