/* ferry-sign-in-dialog.c: from a server name to a signed-in account, in the browser
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-sign-in-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-sign-in-dialog.h"
#include "ferry-api-error.h"
#include "ferry-application.h"
#include "ferry-ca-dialog.h"
#include "ferry-move-policy.h"

/* Ask the server only once the person stops typing. */
#define PROBE_DELAY_MS 500

struct _FerrySignInDialog
{
  AdwWindow            parent_instance;

  FerryAccountManager *manager;      /* owned */
  FerryRole            role;
  FerryOAuthAccess     extra_access; /* beyond the role's: a community helper's posting */
  FerrySignIn         *job;          /* owned */
  FerryServerInfo     *info;         /* owned */
  GCancellable        *probing;      /* owned */
  GCancellable        *signing_in;   /* owned */
  GSettings           *settings;     /* owned, nullable: the application's */
  char                *url;          /* owned: the server's sign-in page, only for Copy Link */
  guint                probe_source;

  /* Template widgets */
  GtkLabel            *heading;
  GtkWidget           *explanation;
  AdwEntryRow         *server_entry;
  AdwActionRow        *probe_row;
  GtkStack            *probe_icon;
  GtkSpinner          *probe_spinner;
  GtkWidget           *error_box;
  GtkLabel            *error_label;
  GtkWidget           *ca_button;
  GtkStack            *action_stack;
  GtkWidget           *continue_button;
  GtkSpinner          *waiting_spinner;
  GtkExpander         *no_browser_expander;
  GtkWidget           *copy_button;
  GtkWidget           *code_button;
  GtkLabel            *code_explanation;
  AdwEntryRow         *code_entry;
  GtkLabel            *code_error_label;
  GtkWidget           *submit_code_button;
  GtkSpinner          *finishing_spinner;
};

enum {
  SIGNAL_SIGN_IN_STARTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FerrySignInDialog, ferry_sign_in_dialog, ADW_TYPE_WINDOW)

static void
clear_error (FerrySignInDialog *self,
             AdwEntryRow       *entry)
{
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* The message goes under the field it is about, which turns red; %NULL clears both fields.
 * An untrusted certificate also offers to trust the authority that signed it. */
static void
show_error (FerrySignInDialog *self,
            AdwEntryRow       *entry,
            const GError      *error,
            const char        *message)
{
  GtkLabel *label = entry == self->code_entry ? self->code_error_label : self->error_label;

  clear_error (self, self->server_entry);
  clear_error (self, self->code_entry);
  gtk_widget_set_visible (self->error_box, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->code_error_label), FALSE);
  gtk_widget_set_visible (self->ca_button, FALSE);
  if (message == NULL && error != NULL)
    message = error->message;
  if (entry == NULL || message == NULL)
    return;

  gtk_label_set_label (label, message);
  gtk_widget_set_visible (label == self->error_label ? self->error_box : GTK_WIDGET (label), TRUE);
  gtk_widget_set_visible (self->ca_button, self->settings != NULL &&
                          g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_TLS));
  gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  label, NULL, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message, -1);
}

static void
show_step (FerrySignInDialog *self,
           const char        *name)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* Off the server field before it turns insensitive, so that it sees its focus go. */
  if (!g_str_equal (name, "start") && focus != NULL &&
      gtk_widget_is_ancestor (focus, GTK_WIDGET (self->server_entry)))
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_stack_set_visible_child_name (self->action_stack, name);
  gtk_spinner_set_spinning (self->waiting_spinner, g_str_equal (name, "waiting"));
  gtk_spinner_set_spinning (self->finishing_spinner, g_str_equal (name, "finishing"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->server_entry), g_str_equal (name, "start"));
  /* How to start, only until it has started: the browser's steps need the room. */
  gtk_widget_set_visible (self->explanation, g_str_equal (name, "start"));
  if (g_str_equal (name, "start"))
    {
      gtk_window_set_default_widget (GTK_WINDOW (self), self->continue_button);
      gtk_widget_grab_focus (GTK_WIDGET (self->server_entry));
    }
  else if (g_str_equal (name, "waiting"))
    gtk_widget_grab_focus (GTK_WIDGET (self->no_browser_expander));
  else if (g_str_equal (name, "code"))
    {
      gtk_window_set_default_widget (GTK_WINDOW (self), self->submit_code_button);
      gtk_widget_grab_focus (GTK_WIDGET (self->code_entry));
    }
}

/* Probing as one types */

static void
probed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryServerInfo) info = ferry_server_info_probe_finish (result, &error);
  FerrySignInDialog *self;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = FERRY_SIGN_IN_DIALOG (user_data);
  gtk_spinner_set_spinning (self->probe_spinner, FALSE);
  gtk_stack_set_visible_child_name (self->probe_icon, "found");

  if (info == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->probe_row), FALSE);
      gtk_widget_set_sensitive (self->continue_button, FALSE);
      show_error (self, self->server_entry, error, NULL);
      return;
    }

  g_set_object (&self->info, info);
  title = g_strdup_printf ("%s %s", ferry_server_info_get_software_name (info),
                           ferry_server_info_get_version (info));
  description = ferry_move_describe_server (info);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->probe_row), title);
  adw_action_row_set_subtitle (self->probe_row, description);
  gtk_widget_set_visible (GTK_WIDGET (self->probe_row), TRUE);
  gtk_widget_set_sensitive (self->continue_button,
                            ferry_server_info_get_migration_kind (info) != FERRY_MIGRATION_MISSKEY);
  show_error (self, NULL, NULL, NULL);
}

static gboolean
probe_cb (gpointer user_data)
{
  FerrySignInDialog *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->server_entry));

  self->probe_source = 0;
  g_cancellable_cancel (self->probing);
  g_clear_object (&self->probing);
  self->probing = g_cancellable_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->probe_row), _("Asking the server…"));
  adw_action_row_set_subtitle (self->probe_row, "");
  gtk_stack_set_visible_child_name (self->probe_icon, "spinner");
  gtk_spinner_set_spinning (self->probe_spinner, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->probe_row), TRUE);
  ferry_server_info_probe_text_async (text, ferry_account_manager_get_tls_database (self->manager),
                                      self->probing, probed_cb, self);
  return G_SOURCE_REMOVE;
}

static void
on_server_changed (FerrySignInDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->server_entry));

  g_clear_handle_id (&self->probe_source, g_source_remove);
  g_cancellable_cancel (self->probing);
  g_clear_object (&self->info);
  gtk_widget_set_sensitive (self->continue_button, FALSE);
  show_error (self, NULL, NULL, NULL);
  if (text[0] == '\0')
    {
      gtk_widget_set_visible (GTK_WIDGET (self->probe_row), FALSE);
      return;
    }
  self->probe_source = g_timeout_add (PROBE_DELAY_MS, probe_cb, self);
}

/* Signing in */

static void
on_authorize_url (FerrySignIn       *job,
                  GParamSpec        *pspec,
                  FerrySignInDialog *self)
{
  g_free (self->url);
  self->url = g_strdup (ferry_sign_in_get_authorize_url (job));
  gtk_widget_set_sensitive (self->copy_button, self->url != NULL);
}

static void
on_stage (FerrySignIn       *job,
          GParamSpec        *pspec,
          FerrySignInDialog *self)
{
  switch (ferry_sign_in_get_stage (job))
    {
    case FERRY_SIGN_IN_WAITING_FOR_BROWSER:
      show_step (self, "waiting");
      break;
    case FERRY_SIGN_IN_WAITING_FOR_CODE:
      show_step (self, "code");
      /* The browser's way back failed: say why the code is asked for now. */
      if (ferry_sign_in_get_fallback_reason (job) != NULL)
        {
          g_autofree char *text = g_strdup_printf (_("%s Allow Ferry on the page that opened, "
                                                     "and paste the code it shows."),
                                                   ferry_sign_in_get_fallback_reason (job));

          gtk_label_set_label (self->code_explanation, text);
        }
      break;
    case FERRY_SIGN_IN_STARTING:
    case FERRY_SIGN_IN_PROBING:
    case FERRY_SIGN_IN_REGISTERING:
    case FERRY_SIGN_IN_FINISHING:
    case FERRY_SIGN_IN_DONE:
    default:
      show_step (self, "finishing");
      break;
    }
}

static void
signed_in_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccount) account =
    ferry_sign_in_run_finish (FERRY_SIGN_IN (object), result, &error);
  FerrySignInDialog *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = FERRY_SIGN_IN_DIALOG (user_data);
  if (account == NULL)
    {
      show_step (self, "start");
      show_error (self, self->server_entry, error, NULL);
      return;
    }
  ferry_account_manager_adopt (self->manager, self->role, account,
                               ferry_sign_in_get_client (FERRY_SIGN_IN (object)));
  /* Signed in for now; say so where the next start would not know it. */
  if (!ferry_account_manager_check_saved (self->manager, self->role, &error))
    {
      show_step (self, "start");
      show_error (self, self->server_entry, NULL, error->message);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
start_sign_in (FerrySignInDialog *self,
               gboolean           paste_code)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->server_entry));

  g_cancellable_cancel (self->signing_in);
  g_clear_object (&self->signing_in);
  if (self->job != NULL)
    g_signal_handlers_disconnect_by_data (self->job, self);
  g_clear_object (&self->job);

  self->signing_in = g_cancellable_new ();
  self->job = ferry_sign_in_new (text, self->role, ferry_account_manager_get_store (self->manager),
                                 ferry_account_manager_get_tls_database (self->manager));
  ferry_sign_in_set_paste_code (self->job, paste_code);
  ferry_sign_in_set_extra_access (self->job, self->extra_access);
  /* A second account on the same server: the server's page must ask who signs in. */
  ferry_sign_in_set_force_login (self->job, ferry_account_manager_shares_server (self->manager,
                                                                                 self->role, text));
  g_signal_connect (self->job, "notify::stage", G_CALLBACK (on_stage), self);
  g_signal_connect (self->job, "notify::authorize-url", G_CALLBACK (on_authorize_url), self);
  show_error (self, NULL, NULL, NULL);
  g_clear_pointer (&self->url, g_free);
  gtk_widget_set_sensitive (self->copy_button, FALSE);
  gtk_button_set_label (GTK_BUTTON (self->copy_button), _("Co_py Link"));
  gtk_expander_set_expanded (self->no_browser_expander, FALSE);
  gtk_label_set_label (self->code_explanation, _("Sign in on the page that opened, allow Ferry, "
                                                 "then copy the code it shows here."));
  show_step (self, "finishing");
  g_signal_emit (self, signals[SIGNAL_SIGN_IN_STARTED], 0, self->job);
  ferry_sign_in_run_async (self->job, self->signing_in, signed_in_cb, self);
}

static void
on_continue (FerrySignInDialog *self)
{
  start_sign_in (self, FALSE);
}

static void
on_use_code (FerrySignInDialog *self)
{
  start_sign_in (self, TRUE);
}

static void
on_submit_code (FerrySignInDialog *self)
{
  const char *code = gtk_editable_get_text (GTK_EDITABLE (self->code_entry));

  if (self->job == NULL || ferry_sign_in_get_stage (self->job) != FERRY_SIGN_IN_WAITING_FOR_CODE)
    return;
  if (code[0] == '\0')
    {
      show_error (self, self->code_entry, NULL,
                  _("Paste the code from the server’s page first."));
      return;
    }
  show_step (self, "finishing");
  ferry_sign_in_submit_code (self->job, code);
}

static void
on_copy (FerrySignInDialog *self)
{
  if (self->url == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->url);
  gtk_button_set_label (GTK_BUTTON (self->copy_button), _("Link Copied"));
}

static void
on_trust_ca (FerrySignInDialog *self)
{
  GtkWidget *dialog;

  g_return_if_fail (self->settings != NULL);

  dialog = ferry_ca_dialog_new (self->settings);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Another authority trusted (the application has already given it to the manager, this
 * handler runs after): ask the server again. */
static void
on_trust_changed (FerrySignInDialog *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->action_stack), "start") == 0)
    on_server_changed (self);
}

static void
ferry_sign_in_dialog_dispose (GObject *object)
{
  FerrySignInDialog *self = FERRY_SIGN_IN_DIALOG (object);

  g_clear_handle_id (&self->probe_source, g_source_remove);
  g_cancellable_cancel (self->probing);
  g_cancellable_cancel (self->signing_in);
  g_clear_object (&self->probing);
  g_clear_object (&self->signing_in);
  if (self->job != NULL)
    g_signal_handlers_disconnect_by_data (self->job, self);
  g_clear_object (&self->job);
  g_clear_object (&self->info);
  g_clear_object (&self->manager);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->url, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), FERRY_TYPE_SIGN_IN_DIALOG);

  G_OBJECT_CLASS (ferry_sign_in_dialog_parent_class)->dispose (object);
}

static void
ferry_sign_in_dialog_class_init (FerrySignInDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ferry_sign_in_dialog_dispose;

  /**
   * FerrySignInDialog::sign-in-started:
   * @job: the FerrySignIn now running
   */
  signals[SIGNAL_SIGN_IN_STARTED] =
    g_signal_new ("sign-in-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, FERRY_TYPE_SIGN_IN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/ferry-sign-in-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FerrySignInDialog, heading);
  gtk_widget_class_bind_template_child (widget_class, FerrySignInDialog, explanation);
  gtk_widget_class_bind_template_child (widget_class, FerrySignInDialog, server_entry);
  gtk_widget_class_bind_template_child (widget_class, FerrySignInDialog, probe_row);
  gtk_widget_class_bind_template_child (widget_class, FerrySignInDialog, probe_icon);
  gtk_widget_class_bind_template_child (widget_class, FerrySignInDialog, probe_spinner);
  gtk_widget_class_bind_template_child (widget_class, FerrySignInDialog, error_box);
  gtk_widget_class_bind_template_child (widget_class, FerrySignInDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, FerrySignInDialog, ca_button);
  gtk_widget_class_bind_template_child (widget_class, FerrySignInDialog, action_stack);
  gtk_widget_class_bind_template_child (widget_class, FerrySignInDialog, continue_button);
  gtk_widget_class_bind_template_child (widget_class, FerrySignInDialog, waiting_spinner);
  gtk_widget_class_bind_template_child (widget_class, FerrySignInDialog, no_browser_expander);
  gtk_widget_class_bind_template_child (widget_class, FerrySignInDialog, copy_button);
  gtk_widget_class_bind_template_child (widget_class, FerrySignInDialog, code_button);
  gtk_widget_class_bind_template_child (widget_class, FerrySignInDialog, code_explanation);
  gtk_widget_class_bind_template_child (widget_class, FerrySignInDialog, code_entry);
  gtk_widget_class_bind_template_child (widget_class, FerrySignInDialog, code_error_label);
  gtk_widget_class_bind_template_child (widget_class, FerrySignInDialog, submit_code_button);
  gtk_widget_class_bind_template_child (widget_class, FerrySignInDialog, finishing_spinner);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ferry_sign_in_dialog_init (FerrySignInDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->server_entry, "changed", G_CALLBACK (on_server_changed), self);
  g_signal_connect_swapped (self->continue_button, "clicked", G_CALLBACK (on_continue), self);
  g_signal_connect_swapped (self->code_button, "clicked", G_CALLBACK (on_use_code), self);
  g_signal_connect_swapped (self->submit_code_button, "clicked", G_CALLBACK (on_submit_code), self);
  g_signal_connect_swapped (self->copy_button, "clicked", G_CALLBACK (on_copy), self);
  g_signal_connect_swapped (self->ca_button, "clicked", G_CALLBACK (on_trust_ca), self);
  show_step (self, "start");
}

GtkWidget *
ferry_sign_in_dialog_new (FerryAccountManager *manager,
                          FerryRole            role)
{
  FerrySignInDialog *self;
  const char *handle;

  g_return_val_if_fail (FERRY_IS_ACCOUNT_MANAGER (manager), NULL);

  self = g_object_new (FERRY_TYPE_SIGN_IN_DIALOG, NULL);
  self->manager = g_object_ref (manager);
  self->role = role;
  /* The extra authority lives in the application's settings (the CA dialog sets it). */
  if (FERRY_IS_APPLICATION (g_application_get_default ()))
    {
      FerryApplication *app = FERRY_APPLICATION (g_application_get_default ());

      self->settings = g_object_ref (ferry_application_get_settings (app));
      g_signal_connect_object (self->settings, "changed::ca-file", G_CALLBACK (on_trust_changed),
                               self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }
  gtk_label_set_label (self->heading, role == FERRY_ROLE_OLD
                                        ? _("Sign In to the Account You Are Leaving")
                                        : _("Sign In to Your New Account"));

  /* Signing in again: the same account. */
  handle = ferry_account_manager_get_handle (manager, role);
  if (handle != NULL)
    ferry_sign_in_dialog_set_server (self, handle);
  return GTK_WIDGET (self);
}

/* Starts with @server in the entry (and probes it), as when signing in again. */
void
ferry_sign_in_dialog_set_server (FerrySignInDialog *self,
                                 const char        *server)
{
  g_return_if_fail (FERRY_IS_SIGN_IN_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->server_entry), server ? server : "");
}

/* Also asks for @extra (FERRY_OAUTH_POST: the community's posts, schedules and pins). */
void
ferry_sign_in_dialog_set_extra_access (FerrySignInDialog *self,
                                       FerryOAuthAccess   extra)
{
  g_return_if_fail (FERRY_IS_SIGN_IN_DIALOG (self));

  self->extra_access = extra;
}
