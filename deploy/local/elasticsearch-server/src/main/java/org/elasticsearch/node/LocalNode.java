package org.elasticsearch.node;

import java.util.Collection;
import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.MockPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;

/**
 * A node whose plugins are classes on the classpath instead of folders under {@code plugins/} and
 * {@code modules/}: Maven Central has the server and transport-netty4 jars but not a distribution.
 * It lives in this package because {@link NodeServiceProvider} and {@link
 * NodeConstruction#prepareConstruction} are package-private. Unlike {@code MockNode} it runs none
 * of the test bootstrap, which refuses to run as root.
 */
public final class LocalNode extends Node {

  public LocalNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
    super(
        NodeConstruction.prepareConstruction(
            environment, null, new ClasspathPlugins(plugins), false));
  }

  /** Loads exactly the given plugin classes; every other service is the production one. */
  private static final class ClasspathPlugins extends NodeServiceProvider {

    private final Collection<Class<? extends Plugin>> plugins;

    ClasspathPlugins(Collection<Class<? extends Plugin>> plugins) {
      this.plugins = plugins;
    }

    @Override
    PluginsService newPluginService(Environment environment, PluginsLoader pluginsLoader) {
      return new MockPluginsService(environment.settings(), environment, plugins);
    }
  }
}
