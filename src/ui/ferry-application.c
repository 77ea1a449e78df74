/* ferry-application.c
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-application.h"
#include "ferry-keyring-store.h"
#include "ferry-tls-database.h"
#include "ferry-window.h"

struct _FerryApplication
{
  AdwApplication  parent_instance;

  GSettings           *settings;  /* owned */
  FerryAccountManager *accounts;  /* owned */
  FerryJobManager     *jobs;      /* owned */
  FerryCommunityStore *communities; /* owned */
  GCancellable        *cancellable;
};

G_DEFINE_FINAL_TYPE (FerryApplication, ferry_application, ADW_TYPE_APPLICATION)

static void
help_launched_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GtkWindow) window = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_warning ("Could not open the help: %s", error->message);
      if (FERRY_IS_WINDOW (window))
        ferry_window_show_message (FERRY_WINDOW (window),
                                   _("The help could not be opened. Is the Help app installed?"));
    }
}

static void
ferry_application_help (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWindow *window = gtk_application_get_active_window (app);
  g_autoptr(GdkAppLaunchContext) context = NULL;

  if (window != NULL)
    context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (window)));

  /* Through the OpenURI portal inside Flatpak. */
  g_app_info_launch_default_for_uri_async ("help:ferry",
                                           context ? G_APP_LAUNCH_CONTEXT (context) : NULL,
                                           NULL,
                                           help_launched_cb,
                                           window ? g_object_ref (window) : NULL);
}

static void
ferry_application_about (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWindow *window = gtk_application_get_active_window (app);
  static const char *developers[] = { "The Ferry developers", NULL };
  GtkWidget *about;

  about =
    g_object_new (ADW_TYPE_ABOUT_WINDOW, "transient-for", window, "modal", TRUE, "application-icon",
                  APP_ID, "application-name", _("Ferry"), "developer-name",
                  _("The Ferry developers"), "version", PACKAGE_VERSION, "comments",
                  _("Move your Mastodon account to another server, "
                    "safely and completely."),
                  "website", "https://github.com/ferryapp/ferry", "issue-url",
                  "https://github.com/ferryapp/ferry/issues", "copyright",
                  "© 2026 The Ferry developers", "license-type", GTK_LICENSE_GPL_3_0, "developers",
                  developers,
                  /* Translators: Replace "translator-credits" with your names, one name per line */
                  "translator-credits", _("translator-credits"), NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
ferry_application_quit (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  /* Close each window so that it saves its state. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }

  g_application_quit (G_APPLICATION (app));
}

static const GActionEntry app_actions[] = {
  { "help", ferry_application_help },
  { "about", ferry_application_about },
  { "quit", ferry_application_quit },
};

static void
ferry_application_activate (GApplication *app)
{
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (ferry_window_new (FERRY_APPLICATION (app)));

  gtk_window_present (window);
}

static void on_ca_file_changed (FerryApplication *self);

static void
ferry_application_startup (GApplication *app)
{
  static const char *help_accels[] = { "F1", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (ferry_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);

  g_signal_connect_object (ferry_application_get_settings (FERRY_APPLICATION (app)),
                           "changed::ca-file", G_CALLBACK (on_ca_file_changed), app,
                           G_CONNECT_SWAPPED);

  /* The remembered accounts, checked once at start. */
  ferry_account_manager_refresh_async (ferry_application_get_account_manager (
                                         FERRY_APPLICATION (app)),
                                       FERRY_APPLICATION (app)->cancellable, NULL, NULL);
}

static void
ferry_application_dispose (GObject *object)
{
  FerryApplication *self = FERRY_APPLICATION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->accounts);
  g_clear_object (&self->jobs);
  if (self->communities != NULL)
    {
      g_autoptr(GError) error = NULL;

      /* What changed in the last moments is on disk before Ferry ends. */
      if (!ferry_community_store_flush (self->communities, &error))
        g_warning ("%s", error->message);
    }
  g_clear_object (&self->communities);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ferry_application_parent_class)->dispose (object);
}

static void
ferry_application_class_init (FerryApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ferry_application_dispose;

  app_class->activate = ferry_application_activate;
  app_class->startup = ferry_application_startup;
}

static void
ferry_application_init (FerryApplication *self)
{
  static const GOptionEntry options[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
    { NULL }
  };

  self->cancellable = g_cancellable_new ();
  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

static int
ferry_application_handle_local_options (GApplication *app,
                                        GVariantDict *options,
                                        gpointer      user_data)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "ferry", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

FerryApplication *
ferry_application_new (void)
{
  FerryApplication *self;

  self = g_object_new (FERRY_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
  g_signal_connect (self, "handle-local-options",
                    G_CALLBACK (ferry_application_handle_local_options), NULL);

  return self;
}

/* The system's authorities, and the one chosen in the CA dialog that the sign-in offers for an
 * untrusted certificate (or $FERRY_CA_FILE). */
static GTlsDatabase *
preferred_trust (FerryApplication *self)
{
  g_autofree char *path = g_settings_get_string (ferry_application_get_settings (self), "ca-file");
  g_autoptr(GError) error = NULL;
  GTlsDatabase *trust;

  if (path[0] == '\0')
    return NULL;
  trust = ferry_tls_database_new (path, &error);
  if (trust == NULL)
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

      g_warning ("%s", error->message);
      if (FERRY_IS_WINDOW (window))
        ferry_window_show_message (FERRY_WINDOW (window), error->message);
    }
  return trust;
}

static void
on_ca_file_changed (FerryApplication *self)
{
  g_autoptr(GTlsDatabase) trust = preferred_trust (self);
  FerryAccountManager *accounts = ferry_application_get_account_manager (self);

  ferry_account_manager_set_tls_database (accounts, trust);
  ferry_account_manager_refresh_async (accounts, self->cancellable, NULL, NULL);
}

/**
 * ferry_application_get_account_manager:
 *
 * Returns: (transfer none): the old and new accounts, with their tokens in the keyring
 */
FerryAccountManager *
ferry_application_get_account_manager (FerryApplication *self)
{
  g_return_val_if_fail (FERRY_IS_APPLICATION (self), NULL);

  if (self->accounts == NULL)
    {
      g_autoptr(FerrySecretStore) store = ferry_keyring_store_new ();
      g_autoptr(GTlsDatabase) trust = preferred_trust (self);

      self->accounts =
        ferry_account_manager_new (store, ferry_application_get_settings (self), trust);
    }
  return self->accounts;
}

/**
 * ferry_application_get_job_manager:
 *
 * Returns: (transfer none): the jobs that run, and those to take up again at start
 */
FerryJobManager *
ferry_application_get_job_manager (FerryApplication *self)
{
  g_return_val_if_fail (FERRY_IS_APPLICATION (self), NULL);

  if (self->jobs == NULL)
    self->jobs = ferry_job_manager_new (NULL);
  return self->jobs;
}

/**
 * ferry_application_get_community_store:
 *
 * Returns: (transfer none): the communities the helper looks after, read from disk on first
 *   use
 */
FerryCommunityStore *
ferry_application_get_community_store (FerryApplication *self)
{
  g_return_val_if_fail (FERRY_IS_APPLICATION (self), NULL);

  if (self->communities == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->communities = ferry_community_store_new (NULL);
      /* A file that cannot be read is set aside; the others still load. */
      if (!ferry_community_store_load (self->communities, &error))
        g_warning ("%s", error->message);
    }
  return self->communities;
}

/* Another manager (another secret store, another trust): for tests. Before any window. */
void
ferry_application_set_account_manager (FerryApplication    *self,
                                       FerryAccountManager *manager)
{
  g_return_if_fail (FERRY_IS_APPLICATION (self));
  g_return_if_fail (FERRY_IS_ACCOUNT_MANAGER (manager));

  g_set_object (&self->accounts, manager);
}

/**
 * ferry_application_get_settings:
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
ferry_application_get_settings (FerryApplication *self)
{
  g_return_val_if_fail (FERRY_IS_APPLICATION (self), NULL);

  /* Made on first use, so that `ferry --version` works without the schema installed. */
  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);

  return self->settings;
}
