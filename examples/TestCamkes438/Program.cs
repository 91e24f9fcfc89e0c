// Builds the system described by testcamkes438.camkes and runs it until foo's control thread returns.
return TestCamkes438.TestCamkes438System.Run();
