/** The consumer example as a named module; PowerCX's jars are automatic modules. */
module org.powercx.examples.consumer {
    requires org.powercx.core;
    requires org.powercx.ahp;
}
