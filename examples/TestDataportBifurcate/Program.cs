// Builds the system described by testdataportbifurcate.camkes and runs it until the one control thread returns.
return TestDataportBifurcate.TestDataportBifurcateSystem.Run();
