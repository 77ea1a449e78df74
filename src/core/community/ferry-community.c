/* ferry-community.c: a community that moves to one server by a deadline
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The community is the roster itself: a GListModel of FerryMember in the order they were
 * added, with an index by old address so that 5,000 members merge and look up in constant
 * time. Counts per state are kept as members change, for the summary and the chart.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-community-private.h"
#include "ferry-handle.h"

struct _FerryCommunity
{
  GObject parent_instance;

  char *id;
  char *name;
  char *old_host;
  char *new_host;
  gint64 deadline;
  gint64 created;
  char *helper_old;
  char *helper_new;
  char *community_account;
  char *inactive_since;
  FerryCommunityPhase phase;

  GPtrArray *members;      /* FerryMember, owned */
  GHashTable *by_address;  /* old address → FerryMember, borrowed */
  guint counts[FERRY_MEMBER_N_STATES];

  GArray *snapshots;       /* FerryCommunitySnapshot */
  GPtrArray *posts;        /* FerryCommunityPost */
};

static void ferry_community_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FerryCommunity, ferry_community, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ferry_community_list_model_init))

enum {
  PROP_0,
  PROP_NAME,
  PROP_DEADLINE,
  PROP_PHASE,
  PROP_N_MEMBERS,
  N_PROPS
};

enum {
  CHANGED,
  COUNTS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

FerryCommunityPost *
ferry_community_post_copy (const FerryCommunityPost *post)
{
  FerryCommunityPost *copy;

  g_return_val_if_fail (post != NULL, NULL);

  copy = g_new0 (FerryCommunityPost, 1);
  *copy = *post;
  copy->key = g_strdup (post->key);
  copy->status_id = g_strdup (post->status_id);
  copy->scheduled_id = g_strdup (post->scheduled_id);
  copy->url = g_strdup (post->url);
  copy->text = g_strdup (post->text);
  return copy;
}

void
ferry_community_post_free (FerryCommunityPost *post)
{
  if (post == NULL)
    return;
  g_free (post->key);
  g_free (post->status_id);
  g_free (post->scheduled_id);
  g_free (post->url);
  g_free (post->text);
  g_free (post);
}

static GType
ferry_community_get_item_type (GListModel *model)
{
  return FERRY_TYPE_MEMBER;
}

static guint
ferry_community_get_n_items (GListModel *model)
{
  return FERRY_COMMUNITY (model)->members->len;
}

static gpointer
ferry_community_get_item (GListModel *model,
                          guint       position)
{
  FerryCommunity *self = FERRY_COMMUNITY (model);

  if (position >= self->members->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->members, position));
}

static void
ferry_community_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ferry_community_get_item_type;
  iface->get_n_items = ferry_community_get_n_items;
  iface->get_item = ferry_community_get_item;
}

static void
ferry_community_dispose (GObject *object)
{
  FerryCommunity *self = FERRY_COMMUNITY (object);

  for (guint i = 0; i < self->members->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->members, i), self);
  g_ptr_array_set_size (self->members, 0);
  g_hash_table_remove_all (self->by_address);

  G_OBJECT_CLASS (ferry_community_parent_class)->dispose (object);
}

static void
ferry_community_finalize (GObject *object)
{
  FerryCommunity *self = FERRY_COMMUNITY (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->old_host);
  g_free (self->new_host);
  g_free (self->helper_old);
  g_free (self->helper_new);
  g_free (self->community_account);
  g_free (self->inactive_since);
  g_ptr_array_unref (self->members);
  g_hash_table_unref (self->by_address);
  g_array_unref (self->snapshots);
  g_ptr_array_unref (self->posts);

  G_OBJECT_CLASS (ferry_community_parent_class)->finalize (object);
}

static void
ferry_community_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FerryCommunity *self = FERRY_COMMUNITY (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DEADLINE:
      g_value_set_int64 (value, self->deadline);
      break;
    case PROP_PHASE:
      g_value_set_enum (value, self->phase);
      break;
    case PROP_N_MEMBERS:
      g_value_set_uint (value, self->members->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_community_class_init (FerryCommunityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ferry_community_dispose;
  object_class->finalize = ferry_community_finalize;
  object_class->get_property = ferry_community_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_DEADLINE] = g_param_spec_int64 ("deadline", NULL, NULL,
                                                  0, G_MAXINT64, 0, flags);
  properties[PROP_PHASE] = g_param_spec_enum ("phase", NULL, NULL, FERRY_TYPE_COMMUNITY_PHASE,
                                              FERRY_COMMUNITY_PHASE_PREPARE, flags);
  properties[PROP_N_MEMBERS] = g_param_spec_uint ("n-members", NULL, NULL,
                                                  0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FerryCommunity::changed:
   * Something worth saving changed (members, posts, settings).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * FerryCommunity::counts-changed:
   * The number of members in some state changed.
   */
  signals[COUNTS_CHANGED] = g_signal_new ("counts-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
}

static void
ferry_community_init (FerryCommunity *self)
{
  self->members = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_address = g_hash_table_new (g_str_hash, g_str_equal);
  self->snapshots = g_array_new (FALSE, TRUE, sizeof (FerryCommunitySnapshot));
  self->posts = g_ptr_array_new_with_free_func ((GDestroyNotify) ferry_community_post_free);
}

/* A server as FerryHandle keeps it (lower case, punycode), or the text lowered. */
static char *
normalize_host (const char *host)
{
  g_autoptr(FerryHandle) handle = ferry_handle_parse (host, FERRY_HANDLE_PARSE_SERVER_ONLY,
                                                      NULL);

  return handle != NULL ? g_strdup (handle->host) : g_ascii_strdown (host, -1);
}

FerryCommunity *
ferry_community_new (const char *name,
                     const char *old_host,
                     const char *new_host,
                     gint64      deadline)
{
  FerryCommunity *self;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (old_host != NULL, NULL);
  g_return_val_if_fail (new_host != NULL, NULL);

  self = g_object_new (FERRY_TYPE_COMMUNITY, NULL);
  self->id = g_uuid_string_random ();
  self->name = g_strdup (name);
  self->old_host = normalize_host (old_host);
  self->new_host = normalize_host (new_host);
  self->deadline = deadline;
  self->created = g_get_real_time () / G_USEC_PER_SEC;
  return self;
}

void
ferry_community_restore_identity (FerryCommunity *self,
                                  const char     *id,
                                  gint64          created)
{
  g_return_if_fail (FERRY_IS_COMMUNITY (self));
  g_return_if_fail (id != NULL);

  g_free (self->id);
  self->id = g_strdup (id);
  self->created = created;
}

void
ferry_community_changed (FerryCommunity *self)
{
  g_return_if_fail (FERRY_IS_COMMUNITY (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

const char *
ferry_community_get_id (FerryCommunity *self)
{
  g_return_val_if_fail (FERRY_IS_COMMUNITY (self), NULL);
  return self->id;
}

const char *
ferry_community_get_name (FerryCommunity *self)
{
  g_return_val_if_fail (FERRY_IS_COMMUNITY (self), NULL);
  return self->name;
}

void
ferry_community_set_name (FerryCommunity *self,
                          const char     *name)
{
  g_return_if_fail (FERRY_IS_COMMUNITY (self));
  g_return_if_fail (name != NULL);

  if (g_strcmp0 (name, self->name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  ferry_community_changed (self);
}

const char *
ferry_community_get_old_host (FerryCommunity *self)
{
  g_return_val_if_fail (FERRY_IS_COMMUNITY (self), NULL);
  return self->old_host;
}

const char *
ferry_community_get_new_host (FerryCommunity *self)
{
  g_return_val_if_fail (FERRY_IS_COMMUNITY (self), NULL);
  return self->new_host;
}

gint64
ferry_community_get_deadline (FerryCommunity *self)
{
  g_return_val_if_fail (FERRY_IS_COMMUNITY (self), 0);
  return self->deadline;
}

void
ferry_community_set_deadline (FerryCommunity *self,
                              gint64          deadline)
{
  g_return_if_fail (FERRY_IS_COMMUNITY (self));

  if (deadline == self->deadline)
    return;
  self->deadline = deadline;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEADLINE]);
  ferry_community_changed (self);
}

gint64
ferry_community_get_created (FerryCommunity *self)
{
  g_return_val_if_fail (FERRY_IS_COMMUNITY (self), 0);
  return self->created;
}

const char *
ferry_community_get_helper_old (FerryCommunity *self)
{
  g_return_val_if_fail (FERRY_IS_COMMUNITY (self), NULL);
  return self->helper_old;
}

const char *
ferry_community_get_helper_new (FerryCommunity *self)
{
  g_return_val_if_fail (FERRY_IS_COMMUNITY (self), NULL);
  return self->helper_new;
}

void
ferry_community_set_helpers (FerryCommunity *self,
                             const char     *helper_old,
                             const char     *helper_new)
{
  g_return_if_fail (FERRY_IS_COMMUNITY (self));

  g_free (self->helper_old);
  self->helper_old = g_strdup (helper_old);
  g_free (self->helper_new);
  self->helper_new = g_strdup (helper_new);
  ferry_community_changed (self);
}

const char *
ferry_community_get_community_account (FerryCommunity *self)
{
  g_return_val_if_fail (FERRY_IS_COMMUNITY (self), NULL);
  return self->community_account;
}

void
ferry_community_set_community_account (FerryCommunity *self,
                                       const char     *address)
{
  g_return_if_fail (FERRY_IS_COMMUNITY (self));

  g_free (self->community_account);
  self->community_account = g_strdup (address);
  ferry_community_changed (self);
}

const char *
ferry_community_get_inactive_since (FerryCommunity *self)
{
  g_return_val_if_fail (FERRY_IS_COMMUNITY (self), NULL);
  return self->inactive_since;
}

void
ferry_community_set_inactive_since (FerryCommunity *self,
                                    const char     *date)
{
  g_return_if_fail (FERRY_IS_COMMUNITY (self));

  g_free (self->inactive_since);
  self->inactive_since = g_strdup (date);
  ferry_community_changed (self);
}

char *
ferry_community_check_deadline (FerryCommunity *self,
                                gint64          now)
{
  int days;

  g_return_val_if_fail (FERRY_IS_COMMUNITY (self), NULL);

  days = ferry_community_days_left (self, now);
  if (days < 0)
    return g_strdup (_("The deadline has passed."));
  if (days < FERRY_COMMUNITY_MIN_NOTICE_DAYS)
    return g_strdup_printf (ngettext ("The deadline is only %d day away: give members at "
                                      "least two weeks to move.",
                                      "The deadline is only %d days away: give members at "
                                      "least two weeks to move.", days), days);
  return NULL;
}

FerryCommunityPhase
ferry_community_get_phase (FerryCommunity *self)
{
  g_return_val_if_fail (FERRY_IS_COMMUNITY (self), FERRY_COMMUNITY_PHASE_PREPARE);
  return self->phase;
}

void
ferry_community_set_phase (FerryCommunity      *self,
                           FerryCommunityPhase  phase)
{
  g_return_if_fail (FERRY_IS_COMMUNITY (self));

  if (phase == self->phase)
    return;
  self->phase = phase;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
  ferry_community_changed (self);
}

int
ferry_community_days_left (FerryCommunity *self,
                           gint64          now)
{
  gint64 diff;

  g_return_val_if_fail (FERRY_IS_COMMUNITY (self), 0);

  diff = self->deadline - now;
  /* Whole days, rounded towards the past: a deadline 30 hours away is 1 day away. */
  if (diff >= 0)
    return (int) (diff / 86400);
  return (int) -((-diff + 86399) / 86400);
}

guint
ferry_community_get_n_members (FerryCommunity *self)
{
  g_return_val_if_fail (FERRY_IS_COMMUNITY (self), 0);
  return self->members->len;
}

FerryMember *
ferry_community_get_member (FerryCommunity *self,
                            guint           position)
{
  g_return_val_if_fail (FERRY_IS_COMMUNITY (self), NULL);
  g_return_val_if_fail (position < self->members->len, NULL);
  return g_ptr_array_index (self->members, position);
}

FerryMember *
ferry_community_find_member (FerryCommunity *self,
                             const char     *old_address)
{
  g_autoptr(FerryHandle) handle = NULL;
  g_autofree char *key = NULL;
  FerryMember *member;

  g_return_val_if_fail (FERRY_IS_COMMUNITY (self), NULL);
  g_return_val_if_fail (old_address != NULL, NULL);

  member = g_hash_table_lookup (self->by_address, old_address);
  if (member != NULL)
    return member;
  handle = ferry_handle_parse (old_address, FERRY_HANDLE_PARSE_DEFAULT, NULL);
  if (handle == NULL)
    return NULL;
  key = ferry_handle_to_key (handle);
  return g_hash_table_lookup (self->by_address, key);
}

static GQuark
counted_quark (void)
{
  return g_quark_from_static_string ("ferry-community-counted");
}

static void
set_counted (FerryMember      *member,
             FerryMemberState  state)
{
  g_object_set_qdata (G_OBJECT (member), counted_quark (), GUINT_TO_POINTER (state + 1));
}

static void
member_state_changed (FerryMember    *member,
                      GParamSpec     *pspec,
                      FerryCommunity *self)
{
  /* The state each member was counted in rides on the member, so a change moves one count. */
  FerryMemberState counted = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (member),
                                                                   counted_quark ())) - 1;
  FerryMemberState state = ferry_member_get_state (member);

  if (counted == state)
    return;
  self->counts[counted]--;
  self->counts[state]++;
  set_counted (member, state);
  g_signal_emit (self, signals[COUNTS_CHANGED], 0);
}

FerryMember *
ferry_community_add_member (FerryCommunity     *self,
                            const char         *old_address,
                            FerryMemberSource   source,
                            GError            **error)
{
  g_autoptr(FerryHandle) handle = NULL;
  g_autofree char *key = NULL;
  FerryMember *member;
  guint position;

  g_return_val_if_fail (FERRY_IS_COMMUNITY (self), NULL);
  g_return_val_if_fail (old_address != NULL, NULL);

  handle = ferry_handle_parse (old_address, FERRY_HANDLE_PARSE_DEFAULT, error);
  if (handle == NULL)
    return NULL;
  key = ferry_handle_to_key (handle);
  member = g_hash_table_lookup (self->by_address, key);
  if (member != NULL)
    {
      ferry_member_add_sources (member, source);
      return member;
    }

  member = ferry_member_new (key, self->new_host);
  ferry_member_add_sources (member, source);
  position = self->members->len;
  g_ptr_array_add (self->members, member);
  g_hash_table_insert (self->by_address, (gpointer) ferry_member_get_old_address (member),
                       member);
  g_signal_connect (member, "notify::state", G_CALLBACK (member_state_changed), self);
  self->counts[ferry_member_get_state (member)]++;
  set_counted (member, ferry_member_get_state (member));

  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MEMBERS]);
  g_signal_emit (self, signals[COUNTS_CHANGED], 0);
  ferry_community_changed (self);
  return member;
}

gboolean
ferry_community_remove_member (FerryCommunity *self,
                               const char     *old_address)
{
  FerryMember *member;
  guint position;

  g_return_val_if_fail (FERRY_IS_COMMUNITY (self), FALSE);

  member = ferry_community_find_member (self, old_address);
  if (member == NULL || !g_ptr_array_find (self->members, member, &position))
    return FALSE;

  g_signal_handlers_disconnect_by_data (member, self);
  self->counts[ferry_member_get_state (member)]--;
  g_hash_table_remove (self->by_address, ferry_member_get_old_address (member));
  g_ptr_array_remove_index (self->members, position);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MEMBERS]);
  g_signal_emit (self, signals[COUNTS_CHANGED], 0);
  ferry_community_changed (self);
  return TRUE;
}

guint
ferry_community_count (FerryCommunity   *self,
                       FerryMemberState  state)
{
  g_return_val_if_fail (FERRY_IS_COMMUNITY (self), 0);
  g_return_val_if_fail (state < FERRY_MEMBER_N_STATES, 0);
  return self->counts[state];
}

char *
ferry_community_describe_counts (FerryCommunity *self)
{
  GString *out;
  guint arrived;
  guint elsewhere;
  guint not_started;
  guint unchecked;
  guint total;

  g_return_val_if_fail (FERRY_IS_COMMUNITY (self), NULL);

  total = self->members->len;
  if (total == 0)
    return g_strdup (_("No members yet"));

  arrived = self->counts[FERRY_MEMBER_STATE_MOVED] + self->counts[FERRY_MEMBER_STATE_ARRIVING] +
            self->counts[FERRY_MEMBER_STATE_DONE];
  elsewhere = self->counts[FERRY_MEMBER_STATE_ELSEWHERE];
  not_started = self->counts[FERRY_MEMBER_STATE_NOT_STARTED] +
                self->counts[FERRY_MEMBER_STATE_INACTIVE];
  unchecked = self->counts[FERRY_MEMBER_STATE_UNKNOWN];

  out = g_string_new (NULL);
  /* Translators: the start of "32 of 40 arrived, 3 elsewhere, 5 not started". */
  g_string_append_printf (out, ngettext ("%u of %u arrived", "%u of %u arrived", total),
                          arrived, total);
  if (elsewhere > 0)
    g_string_append_printf (out, ngettext (", %u elsewhere", ", %u elsewhere", elsewhere),
                            elsewhere);
  if (not_started > 0)
    g_string_append_printf (out, ngettext (", %u not started", ", %u not started",
                                           not_started), not_started);
  if (unchecked > 0)
    g_string_append_printf (out, ngettext (", %u not checked yet", ", %u not checked yet",
                                           unchecked), unchecked);
  return g_string_free (out, FALSE);
}

static int
check_rank (FerryMember *member)
{
  FerryMemberState state = ferry_member_get_state (member);

  if (state == FERRY_MEMBER_STATE_UNKNOWN)
    return 0;
  if (!ferry_member_state_is_moved (state) && !ferry_member_state_is_settled (state))
    return 1;
  if (state == FERRY_MEMBER_STATE_MOVED || state == FERRY_MEMBER_STATE_ARRIVING)
    return 2;
  return 3;
}

static int
compare_for_check (gconstpointer a,
                   gconstpointer b)
{
  FerryMember *ma = *(FerryMember **) a;
  FerryMember *mb = *(FerryMember **) b;
  int ra = check_rank (ma);
  int rb = check_rank (mb);
  gint64 na;
  gint64 nb;

  if (ra != rb)
    return ra < rb ? -1 : 1;
  na = ferry_member_get_next_check (ma);
  nb = ferry_member_get_next_check (mb);
  if (na != nb)
    return na < nb ? -1 : 1;
  na = ferry_member_get_last_checked (ma);
  nb = ferry_member_get_last_checked (mb);
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/* now is kept for the interface: a member whose next check lies in the future still comes,
 * only later in the order, so that a pass asked for checks everyone. */
GPtrArray *
ferry_community_members_to_check (FerryCommunity *self,
                                  gint64          now)
{
  GPtrArray *order;

  g_return_val_if_fail (FERRY_IS_COMMUNITY (self), NULL);

  order = g_ptr_array_sized_new (self->members->len);
  for (guint i = 0; i < self->members->len; i++)
    g_ptr_array_add (order, g_ptr_array_index (self->members, i));
  g_ptr_array_sort (order, compare_for_check);
  (void) now;
  return order;
}

void
ferry_community_take_snapshot (FerryCommunity *self,
                               gint64          time)
{
  FerryCommunitySnapshot snapshot = { .time = time };

  g_return_if_fail (FERRY_IS_COMMUNITY (self));

  memcpy (snapshot.counts, self->counts, sizeof snapshot.counts);
  g_array_append_val (self->snapshots, snapshot);
  ferry_community_changed (self);
}

void
ferry_community_restore_snapshot (FerryCommunity               *self,
                                  const FerryCommunitySnapshot *snapshot)
{
  g_return_if_fail (FERRY_IS_COMMUNITY (self));
  g_array_append_val (self->snapshots, *snapshot);
}

GArray *
ferry_community_get_snapshots (FerryCommunity *self)
{
  g_return_val_if_fail (FERRY_IS_COMMUNITY (self), NULL);
  return self->snapshots;
}

GPtrArray *
ferry_community_get_posts (FerryCommunity *self)
{
  g_return_val_if_fail (FERRY_IS_COMMUNITY (self), NULL);
  return self->posts;
}

FerryCommunityPost *
ferry_community_find_post (FerryCommunity *self,
                           const char     *key)
{
  g_return_val_if_fail (FERRY_IS_COMMUNITY (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < self->posts->len; i++)
    {
      FerryCommunityPost *post = g_ptr_array_index (self->posts, i);

      if (g_strcmp0 (post->key, key) == 0)
        return post;
    }
  return NULL;
}

void
ferry_community_put_post (FerryCommunity           *self,
                          const FerryCommunityPost *post)
{
  g_return_if_fail (FERRY_IS_COMMUNITY (self));
  g_return_if_fail (post != NULL && post->key != NULL);

  for (guint i = 0; i < self->posts->len; i++)
    {
      FerryCommunityPost *old = g_ptr_array_index (self->posts, i);

      if (g_strcmp0 (old->key, post->key) == 0)
        {
          if (old == post)
            break;
          ferry_community_post_free (old);
          self->posts->pdata[i] = ferry_community_post_copy (post);
          ferry_community_changed (self);
          return;
        }
    }
  if (ferry_community_find_post (self, post->key) == NULL)
    g_ptr_array_add (self->posts, ferry_community_post_copy (post));
  ferry_community_changed (self);
}

/* After the loader restored members' states without notifications. */
void
ferry_community_recount (FerryCommunity *self)
{
  g_return_if_fail (FERRY_IS_COMMUNITY (self));

  memset (self->counts, 0, sizeof self->counts);
  for (guint i = 0; i < self->members->len; i++)
    {
      FerryMember *member = g_ptr_array_index (self->members, i);

      self->counts[ferry_member_get_state (member)]++;
      set_counted (member, ferry_member_get_state (member));
    }
  g_signal_emit (self, signals[COUNTS_CHANGED], 0);
}
