/* ferry-account-page.c: one account, old or new: who, on what server, holding what
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-account-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-account-page.h"
#include "ferry-move-policy.h"
#include "ferry-sign-in-dialog.h"

struct _FerryAccountPage
{
  AdwBin               parent_instance;

  FerryRole            role;
  FerryAccountManager *manager;      /* owned */
  GCancellable        *cancellable;  /* owned: for this account's requests */
  GtkWidget           *count_rows[10];
  GtkWidget           *count_labels[10];

  /* Template widgets */
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  AdwAvatar           *avatar;
  GtkLabel            *name_label;
  GtkLabel            *handle_label;
  GtkWidget           *copy_handle_button;
  GtkBox              *badges;
  AdwPreferencesGroup *problem_group;
  AdwActionRow        *problem_row;
  GtkWidget           *sign_in_again_button;
  GtkWidget           *backup_button;
  AdwActionRow        *server_row;
  AdwActionRow        *software_row;
  AdwActionRow        *moving_row;
  GtkListBox          *counts_list;
};

enum {
  PROP_0,
  PROP_ROLE,
  N_PROPS
};

enum {
  COUNT_FOLLOWERS,
  COUNT_FOLLOWING,
  COUNT_POSTS,
  COUNT_LISTS,
  COUNT_BLOCKS,
  COUNT_MUTES,
  COUNT_DOMAIN_BLOCKS,
  COUNT_BOOKMARKS,
  COUNT_TAGS,
  COUNT_FILTERS,
  N_COUNTS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FerryAccountPage, ferry_account_page, ADW_TYPE_BIN)

static const char *
count_title (guint which)
{
  switch (which)
    {
    case COUNT_FOLLOWERS: return _("Followers");
    case COUNT_FOLLOWING: return _("Follows");
    case COUNT_POSTS: return _("Posts");
    case COUNT_LISTS: return _("Lists");
    case COUNT_BLOCKS: return _("Blocked accounts");
    case COUNT_MUTES: return _("Muted accounts");
    case COUNT_DOMAIN_BLOCKS: return _("Blocked servers");
    case COUNT_BOOKMARKS: return _("Bookmarks");
    case COUNT_TAGS: return _("Followed hashtags");
    case COUNT_FILTERS: return _("Filters");
    default: g_return_val_if_reached (NULL);
    }
}

static void
set_count (FerryAccountPage *self,
           guint             which,
           gint64            value,
           const char       *text)
{
  g_autofree char *number = NULL;

  if (text == NULL)
    number = value < 0 ? g_strdup (_("Not on this server"))
                       : g_strdup_printf ("%" G_GINT64_FORMAT, value);
  gtk_label_set_label (GTK_LABEL (self->count_labels[which]), text ? text : number);
}

static void
add_badge (FerryAccountPage *self,
           const char       *text,
           gboolean          warning)
{
  GtkWidget *badge = gtk_label_new (text);

  gtk_widget_add_css_class (badge, "badge");
  if (warning)
    gtk_widget_add_css_class (badge, "warning");
  gtk_box_append (self->badges, badge);
}

static void
counted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree FerryCollectionCounts *counts =
    ferry_account_manager_count_finish (FERRY_ACCOUNT_MANAGER (object), result, &error);
  FerryAccountPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = FERRY_ACCOUNT_PAGE (user_data);
  if (counts == NULL)
    {
      for (guint i = COUNT_LISTS; i < N_COUNTS; i++)
        set_count (self, i, 0, _("Unknown"));
      return;
    }
  set_count (self, COUNT_LISTS, counts->lists, NULL);
  set_count (self, COUNT_BLOCKS, counts->blocks, NULL);
  set_count (self, COUNT_MUTES, counts->mutes, NULL);
  set_count (self, COUNT_DOMAIN_BLOCKS, counts->domain_blocks, NULL);
  set_count (self, COUNT_BOOKMARKS, counts->bookmarks, NULL);
  set_count (self, COUNT_TAGS, counts->followed_tags, NULL);
  set_count (self, COUNT_FILTERS, counts->filters, NULL);
}

static void
avatar_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes =
    ferry_account_manager_load_avatar_finish (FERRY_ACCOUNT_MANAGER (object), result, &error);
  g_autoptr(GdkTexture) texture = NULL;
  FerryAccountPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || bytes == NULL)
    return;
  self = FERRY_ACCOUNT_PAGE (user_data);
  texture = gdk_texture_new_from_bytes (bytes, NULL);
  /* A picture that does not decode leaves the initials. */
  if (texture != NULL)
    adw_avatar_set_custom_image (self->avatar, GDK_PAINTABLE (texture));
}

static void
probed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryServerInfo) info = ferry_server_info_probe_finish (result, &error);
  g_autofree char *software = NULL;
  g_autofree char *moving = NULL;
  FerryAccountPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = FERRY_ACCOUNT_PAGE (user_data);
  if (info == NULL)
    {
      adw_action_row_set_subtitle (self->software_row, error->message);
      adw_action_row_set_subtitle (self->moving_row, "");
      return;
    }
  software = g_strdup_printf ("%s %s", ferry_server_info_get_software_name (info),
                              ferry_server_info_get_version (info));
  moving = ferry_move_describe_server (info);
  adw_action_row_set_subtitle (self->software_row, software);
  adw_action_row_set_subtitle (self->moving_row, moving);
}

static void
update (FerryAccountPage *self)
{
  FerryAccountState state = ferry_account_manager_get_state (self->manager, self->role);
  FerryAccount *account = ferry_account_manager_get_account (self->manager, self->role);
  const char *handle = ferry_account_manager_get_handle (self->manager, self->role);
  const char *problem = ferry_account_manager_get_problem (self->manager, self->role);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (handle == NULL || state == FERRY_ACCOUNT_SIGNED_OUT)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.sign-out", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.refresh", FALSE);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "account");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.sign-out", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.refresh",
                                 state != FERRY_ACCOUNT_CHECKING);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->badges))) != NULL)
    gtk_box_remove (self->badges, child);

  {
    g_autoptr(FerryHandle) parsed = ferry_handle_parse (handle, 0, NULL);
    g_autofree char *display = parsed ? ferry_handle_to_display (parsed) : g_strdup (handle);

    gtk_label_set_label (self->handle_label, display);
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->handle_label), display);
    gtk_button_set_icon_name (GTK_BUTTON (self->copy_handle_button), "edit-copy-symbolic");
    gtk_widget_set_tooltip_text (self->copy_handle_button, _("Copy the Account’s Address"));
    adw_action_row_set_subtitle (self->server_row, parsed ? parsed->display_host : handle);
    adw_avatar_set_custom_image (self->avatar, NULL);
    if (account != NULL)
      {
        gtk_label_set_label (self->name_label, ferry_account_get_display_name (account));
        adw_avatar_set_text (self->avatar, ferry_account_get_display_name (account));
        ferry_account_manager_load_avatar_async (self->manager, self->role, self->cancellable,
                                                 avatar_cb, self);
      }
    else
      {
        gtk_label_set_label (self->name_label, parsed ? parsed->username : handle);
        adw_avatar_set_text (self->avatar, parsed ? parsed->username : handle);
      }
    if (parsed != NULL)
      ferry_server_info_probe_text_async (parsed->host,
                                          ferry_account_manager_get_tls_database (self->manager),
                                          self->cancellable, probed_cb, self);
  }

  if (account != NULL)
    {
      const char *moved = ferry_account_get_moved_to (account);

      if (moved != NULL)
        {
          /* Translators: a badge; %s is the account it moved to */
          g_autofree char *text = g_strdup_printf (_("Moved to %s"), moved);

          add_badge (self, text, TRUE);
          /* The way back, from the account that moved. */
          if (self->role == FERRY_ROLE_OLD)
            {
              GtkWidget *back = gtk_button_new_with_mnemonic (_("Move _Back…"));

              gtk_actionable_set_action_name (GTK_ACTIONABLE (back), "win.move-back");
              gtk_widget_add_css_class (back, "pill");
              gtk_widget_set_valign (back, GTK_ALIGN_CENTER);
              gtk_box_append (self->badges, back);
            }
        }
      if (ferry_account_get_locked (account))
        add_badge (self, _("Locked"), self->role == FERRY_ROLE_NEW);
      if (ferry_account_get_bot (account))
        add_badge (self, _("Bot"), FALSE);
      if (ferry_account_get_limited (account))
        add_badge (self, _("Limited by the server"), TRUE);
      if (ferry_account_get_suspended (account))
        add_badge (self, _("Suspended"), TRUE);

      set_count (self, COUNT_FOLLOWERS, ferry_account_get_followers (account), NULL);
      set_count (self, COUNT_FOLLOWING, ferry_account_get_following (account), NULL);
      set_count (self, COUNT_POSTS, ferry_account_get_statuses (account), NULL);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->problem_group), problem != NULL ||
                          state == FERRY_ACCOUNT_CHECKING);
  switch (state)
    {
    case FERRY_ACCOUNT_CHECKING:
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->problem_row),
                                     _("Checking the account…"));
      adw_action_row_set_subtitle (self->problem_row, "");
      break;
    case FERRY_ACCOUNT_EXPIRED:
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->problem_row),
                                     _("The server signed Ferry out of this account"));
      adw_action_row_set_subtitle (self->problem_row, problem);
      break;
    case FERRY_ACCOUNT_LOGIN_DISABLED:
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->problem_row),
                                     _("The server no longer lets this account sign in, as after "
                                       "a move"));
      adw_action_row_set_subtitle (self->problem_row, problem);
      break;
    case FERRY_ACCOUNT_UNREACHABLE:
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->problem_row),
                                     _("The server could not be reached"));
      adw_action_row_set_subtitle (self->problem_row, problem);
      break;
    case FERRY_ACCOUNT_SIGNED_IN:
    case FERRY_ACCOUNT_SIGNED_OUT:
    default:
      break;
    }
  gtk_widget_set_visible (self->sign_in_again_button, state == FERRY_ACCOUNT_EXPIRED);
  gtk_widget_set_visible (self->backup_button,
                          self->role == FERRY_ROLE_OLD && state == FERRY_ACCOUNT_SIGNED_IN);

  if (state == FERRY_ACCOUNT_SIGNED_IN)
    {
      for (guint i = COUNT_LISTS; i < N_COUNTS; i++)
        set_count (self, i, 0, _("Counting…"));
      ferry_account_manager_count_async (self->manager, self->role, self->cancellable, counted_cb,
                                         self);
    }
  else if (state != FERRY_ACCOUNT_CHECKING)
    for (guint i = COUNT_LISTS; i < N_COUNTS; i++)
      set_count (self, i, 0, _("Unknown"));
}

static void
on_changed (FerryAccountManager *manager,
            int                  role,
            FerryAccountPage    *self)
{
  if ((FerryRole) role == self->role)
    update (self);
}

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FerryAccountPage *self = FERRY_ACCOUNT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog = ferry_sign_in_dialog_new (self->manager, self->role);

  gtk_window_set_transient_for (GTK_WINDOW (dialog),
                                GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The handle is a plain label (no caret in it): copying it is this button's. */
static void
copy_handle_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FerryAccountPage *self = FERRY_ACCOUNT_PAGE (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget),
                          gtk_label_get_label (self->handle_label));
  gtk_button_set_icon_name (GTK_BUTTON (self->copy_handle_button), "object-select-symbolic");
  gtk_widget_set_tooltip_text (self->copy_handle_button, _("Address Copied"));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FerryAccountPage *self = FERRY_ACCOUNT_PAGE (widget);

  ferry_account_manager_refresh_async (self->manager, self->cancellable, NULL, NULL);
}

static void
signed_out_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!ferry_account_manager_sign_out_finish (FERRY_ACCOUNT_MANAGER (object), result, &error))
    g_warning ("Signing out: %s", error->message);
}

static void
sign_out_response (AdwMessageDialog *dialog,
                   const char       *response,
                   FerryAccountPage *self)
{
  if (g_str_equal (response, "sign-out"))
    ferry_account_manager_sign_out_async (self->manager, self->role, NULL, signed_out_cb, NULL);
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  FerryAccountPage *self = FERRY_ACCOUNT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  const char *handle = ferry_account_manager_get_handle (self->manager, self->role);
  g_autofree char *body =
    g_strdup_printf (_("Ferry will forget @%s and ask the server to cancel its access. "
                       "Nothing on the account changes."),
                     handle ? handle : "");
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("Sign Out?"), body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "sign-out", _("_Sign Out"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "sign-out",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (sign_out_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ferry_account_page_constructed (GObject *object)
{
  FerryAccountPage *self = FERRY_ACCOUNT_PAGE (object);

  G_OBJECT_CLASS (ferry_account_page_parent_class)->constructed (object);

  if (self->role == FERRY_ROLE_OLD)
    {
      adw_status_page_set_title (self->empty_page, _("Sign In to the Account You Are Leaving"));
      adw_status_page_set_description (self->empty_page,
                                       _("Ferry reads this account to back it up and to move it. "
                                         "It asks only for what it needs, and keeps the sign-in in "
                                         "your keyring."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("Sign In to Your New Account"));
      adw_status_page_set_description (self->empty_page, _("Ferry copies your profile, follows, "
                                                           "lists and more to this "
                                                           "account. Create the account on its "
                                                           "server first, then sign "
                                                           "in here."));
    }
}

static void
ferry_account_page_dispose (GObject *object)
{
  FerryAccountPage *self = FERRY_ACCOUNT_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (self->manager, self);
  g_clear_object (&self->manager);
  /* AdwBin unparents its child (the template's root) itself. */

  G_OBJECT_CLASS (ferry_account_page_parent_class)->dispose (object);
}

static void
ferry_account_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  FerryAccountPage *self = FERRY_ACCOUNT_PAGE (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      self->role = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_account_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FerryAccountPage *self = FERRY_ACCOUNT_PAGE (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      g_value_set_int (value, self->role);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_account_page_class_init (FerryAccountPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ferry_account_page_constructed;
  object_class->dispose = ferry_account_page_dispose;
  object_class->set_property = ferry_account_page_set_property;
  object_class->get_property = ferry_account_page_get_property;

  properties[PROP_ROLE] =
    g_param_spec_int ("role", NULL, NULL, FERRY_ROLE_OLD, FERRY_ROLE_NEW, FERRY_ROLE_OLD,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/ferry-account-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FerryAccountPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FerryAccountPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, FerryAccountPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, FerryAccountPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, FerryAccountPage, handle_label);
  gtk_widget_class_bind_template_child (widget_class, FerryAccountPage, copy_handle_button);
  gtk_widget_class_bind_template_child (widget_class, FerryAccountPage, badges);
  gtk_widget_class_bind_template_child (widget_class, FerryAccountPage, problem_group);
  gtk_widget_class_bind_template_child (widget_class, FerryAccountPage, problem_row);
  gtk_widget_class_bind_template_child (widget_class, FerryAccountPage, sign_in_again_button);
  gtk_widget_class_bind_template_child (widget_class, FerryAccountPage, backup_button);
  gtk_widget_class_bind_template_child (widget_class, FerryAccountPage, server_row);
  gtk_widget_class_bind_template_child (widget_class, FerryAccountPage, software_row);
  gtk_widget_class_bind_template_child (widget_class, FerryAccountPage, moving_row);
  gtk_widget_class_bind_template_child (widget_class, FerryAccountPage, counts_list);

  gtk_widget_class_install_action (widget_class, "page.sign-in", NULL, sign_in_action);
  gtk_widget_class_install_action (widget_class, "page.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "page.copy-handle", NULL, copy_handle_action);
  gtk_widget_class_install_action (widget_class, "page.sign-out", NULL, sign_out_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "page.refresh",
                                       NULL);
}

static void
ferry_account_page_init (FerryAccountPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  for (guint i = 0; i < N_COUNTS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label = gtk_label_new ("");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), count_title (i));
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_list_box_append (self->counts_list, row);
      self->count_rows[i] = row;
      self->count_labels[i] = label;
    }
}

GtkWidget *
ferry_account_page_new (FerryRole role)
{
  return g_object_new (FERRY_TYPE_ACCOUNT_PAGE, "role", role, NULL);
}

/* The page shows @manager's account of its role, and follows its changes. */
void
ferry_account_page_set_manager (FerryAccountPage    *self,
                                FerryAccountManager *manager)
{
  g_return_if_fail (FERRY_IS_ACCOUNT_PAGE (self));
  g_return_if_fail (FERRY_IS_ACCOUNT_MANAGER (manager));

  if (self->manager == manager)
    return;
  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (self->manager, self);
  g_set_object (&self->manager, manager);
  g_signal_connect (manager, "changed", G_CALLBACK (on_changed), self);
  update (self);
}
