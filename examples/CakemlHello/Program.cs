return CakemlHello.CakemlHelloUnicoreSystem.Run();
