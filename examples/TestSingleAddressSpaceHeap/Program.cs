// Builds the system described by testsingleaddressspaceheap.camkes and runs it until the client returns.
return TestSingleAddressSpaceHeap.TestSingleAddressSpaceHeapSystem.Run();
