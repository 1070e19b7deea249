# Writes the bundled virtual Mac, engine/src/main/resources/dev/ioscope/engine/machine/virtual-mac.json, to stdout:
#   python3 scripts/gen-virtual-mac.py > engine/src/main/resources/dev/ioscope/engine/machine/virtual-mac.json
# Edit this script, not the JSON: VirtualMacScriptTest fails when the committed file is not its output.
import json, struct
def dev(bcdusb, cls, sub, proto, mps, vid, pid, bcd, im, ip, isn, ncfg=1):
    return struct.pack('<BBHBBBBHHHBBBB',18,1,bcdusb,cls,sub,proto,mps,vid,pid,bcd,im,ip,isn,ncfg).hex()
def cfg(value, attrs, power, ifaces):
    body=b''
    for (num, alt, c, s, p, iif, eps) in ifaces:
        body+=struct.pack('<BBBBBBBBB',9,4,num,alt,len(eps),c,s,p,iif)
        for (addr, attr, mps, interval) in eps:
            body+=struct.pack('<BBBBHB',7,5,addr,attr,mps,interval)
    total=9+len(body)
    return (struct.pack('<BBHBBBBB',9,2,total,len(ifaces),value,0,attrs,power)+body).hex()
kbd = {"type":"usb-device","port":"HS05","built-in":True,
  "device":dev(0x200,0,0,0,64,0x05ac,0x027e,0x0910,1,2,3),
  "configuration":cfg(1,0xa0,250,[(0,0,3,1,1,4,[(0x81,3,8,8)]),(1,0,3,0,0,5,[(0x82,3,64,2)]),(2,0,3,0,0,6,[(0x83,3,64,8)])]),
  "strings":{"1":"Apple Inc.","2":"Apple Internal Keyboard / Trackpad","3":"D3H8100VIRT","4":"Keyboard","5":"Trackpad","6":"Device Management"}}
bt = {"type":"usb-device","port":"HS07","built-in":True,
  "device":dev(0x200,0,0,0,64,0x05ac,0x8289,0x0145,1,2,0),
  "configuration":cfg(1,0xe0,0,[(0,0,0xe0,1,1,0,[(0x81,3,16,1),(0x82,2,64,1),(0x02,2,64,1)]),(1,0,0xe0,1,1,0,[(0x83,1,0,1),(0x03,1,0,1)]),(2,0,0xff,1,1,0,[(0x84,2,32,1)]),(3,0,0xfe,1,0,0,[])]),
  "strings":{"1":"Apple Inc.","2":"Bluetooth USB Host Controller"}}
flash = {"type":"usb-device","port":1,
  "device":dev(0x210,0,0,0,64,0x0781,0x5581,0x0100,1,2,3),
  "configuration":cfg(1,0x80,112,[(0,0,8,6,80,0,[(0x81,2,512,0),(0x02,2,512,0)])]),
  "strings":{"1":"SanDisk","2":"Ultra","3":"4C530001231120115142"}}
mouse = {"type":"usb-device","port":2,
  "device":dev(0x200,0,0,0,8,0x046d,0xc077,0x7200,1,2,0),
  "configuration":cfg(1,0xa0,50,[(0,0,3,1,2,0,[(0x81,3,4,10)])]),
  "strings":{"1":"Logitech","2":"USB Optical Mouse"}}
cam = {"type":"usb-device","port":"HS06","built-in":True,
  "device":dev(0x200,0xef,2,1,64,0x05ac,0x8514,0x0100,1,2,3),
  "configuration":cfg(1,0x80,250,[(0,0,0x0e,1,0,0,[(0x83,3,16,6)]),(1,0,0x0e,2,0,0,[]),(1,1,0x0e,2,0,0,[(0x81,5,1024,1)]),(2,0,1,1,0,0,[]),(3,0,1,2,0,0,[]),(3,1,1,2,0,0,[(0x82,5,100,4)])]),
  "strings":{"1":"Apple Inc.","2":"FaceTime HD Camera (Built-in)","3":"CC2B1C0VIRT"}}
sd = {"type":"usb-device","port":"SS03","built-in":True,
  "device":dev(0x300,0,0,0,9,0x05ac,0x8406,0x0820,3,4,5),
  "configuration":cfg(1,0x80,112,[(0,0,8,6,80,0,[(0x81,2,1024,0),(0x02,2,1024,0)])]),
  "strings":{"3":"Apple","4":"Card Reader","5":"000000000820"}}
hub = {"type":"usb-hub","port":"HS01","ports":4,
  "device":dev(0x210,9,0,1,64,0x2109,0x2817,0x0473,1,2,0),
  "configuration":cfg(1,0xe0,0,[(0,0,9,0,0,0,[(0x81,3,1,12)])]),
  "strings":{"1":"VIA Labs, Inc.","2":"USB2.0 Hub"},
  "children":[flash, mouse]}
acpi=[{"name":n,"hid":h,"location":l} for (n,h,l) in [
 ("EC","PNP0C09","0"),("LID0","PNP0C0D","0"),("PWRB","PNP0C0C","0"),("SLPB","PNP0C0E","0"),("ADP1","ACPI0003","0"),
 ("HPET","PNP0103","0"),("RTC","PNP0B00","70"),("PIC","PNP0000","20"),("TIMR","PNP0100","40"),("DMAC","PNP0200","0"),
 ("FWHD","INT0800","0"),("MATH","PNP0C04","f0"),("LDRC","PNP0C02","2e"),("ALS0","ACPI0008","0"),("PNLF","APP0002","0"),
 ("GFX0","PNP0A05","0"),("PWRS","ACPI000D","0"),
 ("BAT0","PNP0C0A","0"),("TZ00","ACPI000E","0"),("TZ01","ACPI000E","1"),("FAN0","PNP0C0B","0"),("FAN1","PNP0C0B","1"),
 ("PS2K","APP0004","0"),("PS2M","APP0005","0"),("SPIT","APP000D","0"),("MEM2","PNP0C01","0"),("PDRC","PNP0C02","1"),
 ("USBX","APP0006","0"),("ACEL","APP0007","0"),("IPIC","PNP0000","a0"),("AMW0","PNP0C14","0"),("WMI1","PNP0C14","1")]
 + [("UAR%d" % i, "INT3511", "%x" % i) for i in range(2)]
 + [("SSDT%d" % i, "PNP0C02", "%x" % (0x10 + i)) for i in range(8)]
 + [("PG%02d" % i, "PNP0C0F", "%x" % i) for i in range(6)]
 + [("PEPD","INT33A1","0"),("HIDD","INT33D5","0"),("GPI0","INT34BB","0"),("TPD0","APP000A","0"),("DPTF","INT3400","0"),
    ("TCPU","INT3401","0"),("TMEM","INT3402","0"),("TFN1","INT3404","0"),("CHRG","INT3403","0"),("PMC","PNP0C02","3")]]
pci_children=[
 {"type":"pci-device","name":"MCHC","location":"0","vendor":"0x8086","device":"0x3ec4","class":"0x060000","revision":7,"subsystem-vendor":"0x106b","subsystem-id":"0x0211"},
 {"type":"pci-device","name":"IGPU","location":"2","vendor":"0x8086","device":"0x3e9b","class":"0x030000","revision":2,"subsystem-vendor":"0x106b","subsystem-id":"0x0211","bars":[{"type":"mem64","size":16777216},{"type":"mem64","size":268435456,"prefetchable":True}]},
 {"type":"usb-xhci","name":"XHC1","location":"14","vendor":"0x8086","device":"0xa36d","revision":16,"subsystem-vendor":"0x106b","subsystem-id":"0x0211","bars":[{"type":"mem64","size":65536}],"usb2-ports":14,"usb3-ports":8,"children":[kbd,bt,hub,cam,sd]},
 {"type":"pci-device","name":"PMCR","location":"1f,2","vendor":"0x8086","device":"0xa321","class":"0x058000","revision":16,"subsystem-vendor":"0x106b","subsystem-id":"0x0211","bars":[{"type":"mem32","size":16384}]},
 {"type":"pci-device","name":"LPCB","location":"1f","vendor":"0x8086","device":"0xa30e","class":"0x060100","revision":16,"subsystem-vendor":"0x106b","subsystem-id":"0x0211"},
 {"type":"pci-device","name":"HDEF","location":"1f,3","vendor":"0x8086","device":"0xa348","class":"0x040300","revision":16,"subsystem-vendor":"0x106b","subsystem-id":"0x0211","bars":[{"type":"mem64","size":16384},{"type":"mem64","size":1048576}]},
 {"type":"pci-device","name":"SBUS","location":"1f,4","vendor":"0x8086","device":"0xa323","class":"0x0c0500","revision":16,"subsystem-vendor":"0x106b","subsystem-id":"0x0211","bars":[{"type":"mem64","size":256},{"type":"io","size":32}]},
 {"type":"pci-device","name":"IMEI","location":"16","vendor":"0x8086","device":"0xa360","class":"0x078000","revision":16,"subsystem-vendor":"0x106b","subsystem-id":"0x0211","bars":[{"type":"mem64","size":4096}]},
 {"type":"pci-device","name":"THSS","location":"12","vendor":"0x8086","device":"0xa379","class":"0x118000","revision":16,"bars":[{"type":"mem64","size":4096}]},
 {"type":"pci-device","name":"I2C0","location":"15","vendor":"0x8086","device":"0xa368","class":"0x0c8000","revision":16,"bars":[{"type":"mem64","size":4096}]},
 {"type":"pci-device","name":"I2C1","location":"15,1","vendor":"0x8086","device":"0xa369","class":"0x0c8000","revision":16,"bars":[{"type":"mem64","size":4096}]},
 {"type":"pci-device","name":"SPI1","location":"1e,3","vendor":"0x8086","device":"0xa32b","class":"0x0c8000","revision":16,"bars":[{"type":"mem64","size":4096}]},
 {"type":"pci-device","name":"UA00","location":"1e","vendor":"0x8086","device":"0xa328","class":"0x078000","revision":16,"bars":[{"type":"mem64","size":4096}]},
 {"type":"pci-device","name":"SRAM","location":"14,2","vendor":"0x8086","device":"0xa36f","class":"0x050000","revision":16,"bars":[{"type":"mem64","size":8192}]},
 {"type":"pci-device","name":"TCPU","location":"4","vendor":"0x8086","device":"0x1903","class":"0x118000","revision":7,"bars":[{"type":"mem64","size":32768}]},
 {"type":"pci-bridge","name":"RP02","location":"1c,1","vendor":"0x8086","device":"0xa33a","revision":240,"hotplug":False,"children":[]},
 {"type":"pci-bridge","name":"RP03","location":"1c,2","vendor":"0x8086","device":"0xa33b","revision":240,"hotplug":False,"children":[]},
 {"type":"pci-bridge","name":"RP04","location":"1c,3","vendor":"0x8086","device":"0xa33c","revision":240,"hotplug":True,"children":[]},
 {"type":"pci-bridge","name":"RP06","location":"1c,5","vendor":"0x8086","device":"0xa33e","revision":240,"hotplug":False,"children":[]},
 {"type":"pci-bridge","name":"RP07","location":"1c,6","vendor":"0x8086","device":"0xa33f","revision":240,"hotplug":False,"children":[]},
 {"type":"pci-bridge","name":"RP08","location":"1c,7","vendor":"0x8086","device":"0xa340","revision":240,"hotplug":True,"children":[]},
 {"type":"pci-bridge","name":"RP10","location":"1d,1","vendor":"0x8086","device":"0xa342","revision":240,"hotplug":False,"children":[]},
 {"type":"pci-bridge","name":"RP11","location":"1d,2","vendor":"0x8086","device":"0xa343","revision":240,"hotplug":False,"children":[]},
 {"type":"pci-bridge","name":"RP12","location":"1d,3","vendor":"0x8086","device":"0xa344","revision":240,"hotplug":True,"children":[]},
 {"type":"pci-bridge","name":"RP13","location":"1d,4","vendor":"0x8086","device":"0xa345","revision":240,"hotplug":False,"children":[]},
 {"type":"pci-bridge","name":"RP14","location":"1d,5","vendor":"0x8086","device":"0xa346","revision":240,"hotplug":False,"children":[]},
 {"type":"pci-bridge","name":"RP15","location":"1d,6","vendor":"0x8086","device":"0xa347","revision":240,"hotplug":False,"children":[]},
 {"type":"pci-bridge","name":"RP16","location":"1d,7","vendor":"0x8086","device":"0xa348","revision":240,"hotplug":True,"children":[]},
 {"type":"pci-bridge","name":"RP17","location":"1b,0","vendor":"0x8086","device":"0xa349","revision":240,"hotplug":False,"children":[]},
 {"type":"pci-bridge","name":"RP18","location":"1b,1","vendor":"0x8086","device":"0xa34a","revision":240,"hotplug":False,"children":[]},
 {"type":"pci-bridge","name":"RP19","location":"1b,2","vendor":"0x8086","device":"0xa34b","revision":240,"hotplug":False,"children":[]},
 {"type":"pci-bridge","name":"RP20","location":"1b,3","vendor":"0x8086","device":"0xa34c","revision":240,"hotplug":True,"children":[]},
 {"type":"pci-bridge","name":"RP01","location":"1b","vendor":"0x8086","device":"0xa340","revision":240,"children":[
   {"type":"nvme","name":"ANS2","location":"0","vendor":"0x106b","device":"0x2005","revision":1,"subsystem-vendor":"0x106b","subsystem-id":"0x0211",
    "model":"APPLE SSD AP0512M","serial":"C02VIRTUALSSD0001","blocks":122070312,"partitions":[
      {"name":"EFI System Partition","content":"C12A7328-F81F-11D2-BA4B-00A0C93EC93B","size":209715200},
      {"name":"Container","content":"7C3457EF-0000-11AA-AA11-00306543ECAC","size":499686268928}]}]},
 {"type":"pci-bridge","name":"RP05","location":"1c,4","vendor":"0x8086","device":"0xa33c","revision":240,"hotplug":True,"children":[
   {"type":"pci-device","name":"ARPT","location":"0","vendor":"0x14e4","device":"0x43dc","class":"0x028000","revision":3,"subsystem-vendor":"0x106b","subsystem-id":"0x0212","bars":[{"type":"mem64","size":4194304}]}]},
 {"type":"pci-bridge","name":"RP09","location":"1d","vendor":"0x8086","device":"0xa330","revision":240,"hotplug":True,"children":[
   {"type":"pci-bridge","name":"UPSB","location":"0","vendor":"0x8086","device":"0x15ea","revision":6,"hotplug":True,"children":[
     {"type":"pci-bridge","name":"DSB0","location":"0","vendor":"0x8086","device":"0x15ea","revision":6,"children":[
       {"type":"pci-device","name":"NHI0","location":"0","vendor":"0x8086","device":"0x15eb","class":"0x088000","revision":6,"subsystem-vendor":"0x106b","subsystem-id":"0x0211","bars":[{"type":"mem32","size":262144},{"type":"mem32","size":4096}]}]},
     {"type":"pci-bridge","name":"DSB1","location":"1","vendor":"0x8086","device":"0x15ea","revision":6,"hotplug":True,"children":[]},
     {"type":"pci-bridge","name":"DSB2","location":"2","vendor":"0x8086","device":"0x15ea","revision":6,"children":[
       {"type":"usb-xhci","name":"XHC2","location":"0","vendor":"0x8086","device":"0x15ec","revision":6,"subsystem-vendor":"0x106b","subsystem-id":"0x0211","bars":[{"type":"mem32","size":65536}],"usb2-ports":2,"usb3-ports":2,"children":[]}]},
     {"type":"pci-bridge","name":"DSB4","location":"4","vendor":"0x8086","device":"0x15ea","revision":6,"hotplug":True,"children":[]}]}]}]
m={"name":"IOScope Virtual Mac","platform":{"type":"platform","model":"MacBookPro15,1","board-id":"Mac-937A206F2EE63C01",
  "serial":"C02VIRTUALMAC","cpus":12,"memory-gb":16,"acpi":acpi,
  "children":[{"type":"smc","fans":2,"ambient-celsius":25},  # the sensors family's AppleSMC
              {"type":"pci-host-bridge","children":pci_children}]}}
print(json.dumps(m, indent=2))
