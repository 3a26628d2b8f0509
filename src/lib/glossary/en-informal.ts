// English short forms and chat spellings to the words help centres write (see index.ts): "how many
// pics can i put in 1 post", "whats the diff between…", "can other ppl see it". A word the content
// never uses is replaced by them; a one-word short form it uses too ("max") is matched as its
// word as well when that word is not much commoner (ranking.ts).
export default `
pic = picture|image|photo
pics = pictures|images|photos
vid = video
vids = videos
ppl = people|users
diff = difference
msg = message
msgs = messages
pw = password
pwd = password
passwd = password
acct = account
accts = accounts
notif = notification
notifs = notifications
convo = conversation
convos = conversations
dm = direct message
dms = direct messages
info = information
max = maximum
config = configuration|settings
docs = documentation
pref = preference|setting
prefs = preferences|settings
repo = repository
auth = authentication
addr = address
num = number
qty = quantity
mins = minutes
min = -
doc = -
sec = -
hrs = hours
secs = seconds
approx = approximately
thru = through
tho = though
wifi = wireless|wlan|lan
win10 = windows 10
win11 = windows 11
pls = please
plz = please
`;
