package org.powercx.core;

/** Runs the compiled guide snippets named on the command line, in order, marking where each one's output begins. */
public final class GuideSnippetMain {
    private GuideSnippetMain() {
    }

    /**
     * Entry point.
     *
     * @param args class names of the snippets
     * @throws Exception whatever a snippet throws
     */
    public static void main(String[] args) throws Exception {
        for (int k = 0; k < args.length; k++) {
            System.out.print(GuideSnippets.SEPARATOR + k + "\n");
            System.out.flush();
            Class.forName(args[k]).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
            System.out.flush();
        }
    }
}
