// PowerCX JShell startup: the library's packages, imported. Use with
//   jshell --class-path cli/target/powercx.jar --startup DEFAULT --startup docs/examples/powercx.jsh
import java.nio.file.*;
import org.powercx.core.*;
import org.powercx.clv.*;
import org.powercx.ahp.*;
import org.powercx.grey.*;
import org.powercx.credit.*;
import org.powercx.satisfaction.*;
import org.powercx.io.*;
import org.powercx.segmentation.*;
import org.powercx.samples.*;
